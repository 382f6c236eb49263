"use client";

import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { ChevronDownIcon } from "@/components/ui/icons";
import { Panel } from "@/components/ui/panel";
import { Table, Td, Th } from "@/components/ui/table";
import { useDateFormat } from "@/components/ui/use-date-format";
import { localized } from "@/lib/client/localized";
import { PhaseTaskList } from "./phase-task-list";
import type { Phase } from "@/lib/client/types";
import { phaseStatusTone } from "./status-tones";

interface PhaseTimelineProps {
  phases: Phase[];
  teamNames: Map<string, string>;
}

export function PhaseTimeline({ phases, teamNames }: PhaseTimelineProps) {
  const t = useTranslations("release.phases");
  const groups = (["deployment", "post_deployment"] as const)
    .map((kind) => ({ kind, phases: phases.filter((phase) => phase.kind === kind) }))
    .filter((group) => group.phases.length > 0);

  return (
    <Panel title={t("title")} id="phases" flush>
      {groups.map((group) => (
        <div key={group.kind}>
          <h3 className="border-b border-line px-4 pt-3 pb-2 text-[12px] font-semibold tracking-wide text-ink-muted uppercase">
            {t(`kind.${group.kind}`)}
          </h3>
          <Table label={t(`kind.${group.kind}`)}>
            <thead>
              <tr>
                <Th className="w-10">#</Th>
                <Th>{t("phase")}</Th>
                <Th>{t("owners")}</Th>
                <Th>{t("starts")}</Th>
                <Th>{t("ends")}</Th>
                <Th>{t("status")}</Th>
              </tr>
            </thead>
            <tbody>
              {group.phases.map((phase) => (
                <PhaseRow key={phase.id} number={phases.indexOf(phase) + 1} phase={phase} teamNames={teamNames} />
              ))}
            </tbody>
          </Table>
        </div>
      ))}
    </Panel>
  );
}

interface PhaseRowProps {
  number: number;
  phase: Phase;
  teamNames: Map<string, string>;
}

function PhaseRow({ number, phase, teamNames }: PhaseRowProps) {
  const t = useTranslations("release.phases");
  const locale = useLocale();
  const dates = useDateFormat();
  const tasksDone = phase.tasks.filter((task) => task.done).length;

  return (
    <tr className="align-top">
      <Td className="text-ink-faint tabular-nums">{number}</Td>
      <Td className="min-w-56">
        <details className="group">
          <summary className="flex cursor-pointer list-none items-center gap-1.5 rounded font-medium [&::-webkit-details-marker]:hidden">
            <span className="-rotate-90 text-ink-faint transition-transform group-open:rotate-0">
              <ChevronDownIcon />
            </span>
            {localized(phase.title, locale)}
            <span className="ml-2 text-[12px] font-normal text-ink-faint tabular-nums">
              {t("tasks", { done: tasksDone, total: phase.tasks.length })}
            </span>
          </summary>
          <PhaseTaskList tasks={phase.tasks} className="mt-1.5 mb-1 ml-5 gap-1 text-[12px] text-ink-muted" />
        </details>
      </Td>
      <Td>
        <div className="flex flex-wrap gap-1">
          {phase.ownerTeams.map((key) => (
            <Badge key={key} tone="muted">
              {teamNames.get(key) ?? key}
            </Badge>
          ))}
        </div>
      </Td>
      <Td className="whitespace-nowrap tabular-nums">{dates.dateTime(phase.startsAt)}</Td>
      <Td className="whitespace-nowrap text-ink-muted tabular-nums">{phase.endsAt ? dates.dateTime(phase.endsAt) : "—"}</Td>
      <Td>
        <Badge tone={phaseStatusTone[phase.status]}>{t(`statuses.${phase.status}`)}</Badge>
      </Td>
    </tr>
  );
}
