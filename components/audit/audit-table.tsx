"use client";

import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { useDateFormat } from "@/components/ui/use-date-format";
import type { AuditEvent } from "@/lib/client/types";
import { actionLabel, subjectName } from "./audit-labels";
import type { AuditLookup } from "./audit-lookup";
import { ValueDiff } from "./value-diff";

export function AuditTable({ events, lookup }: { events: AuditEvent[]; lookup: AuditLookup }) {
  const t = useTranslations("audit");
  const tActions = useTranslations("audit.actions");
  const tSubjects = useTranslations("audit.subjects");
  const locale = useLocale();
  const dates = useDateFormat();

  return (
    <div className="rounded-lg border border-line bg-surface">
      <Table label={t("title")}>
        <thead>
          <tr>
            <Th>{t("columns.time")}</Th>
            <Th>{t("columns.who")}</Th>
            <Th>{t("columns.action")}</Th>
            <Th>{t("columns.subject")}</Th>
            <Th>{t("columns.change")}</Th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id} data-testid="audit-event" className="align-top">
              <Td className="whitespace-nowrap text-ink-muted tabular-nums">
                <time dateTime={event.at}>{dates.dateTime(event.at)}</time>
              </Td>
              <Td className="whitespace-nowrap">
                {event.actor.label}
                {event.via === "api" || event.via === "cli" ? (
                  <Badge tone="muted" className="ml-1.5">
                    {t(`via.${event.via}`)}
                  </Badge>
                ) : null}
              </Td>
              <Td className="whitespace-nowrap">{actionLabel(event.action, tActions)}</Td>
              <Td className="min-w-40">
                <span className="text-ink-faint">
                  {tSubjects.has(event.subjectType) ? tSubjects(event.subjectType) : event.subjectType}
                </span>{" "}
                {lookup.subject(event.subjectId) ?? subjectName(event.before, event.after, locale)}
              </Td>
              <Td className="min-w-64">
                <ValueDiff before={event.before} after={event.after} lookup={lookup} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
