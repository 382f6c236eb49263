"use client";

import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { Table, Td, Th } from "@/components/ui/table";
import { localized } from "@/lib/client/localized";
import type { Risk } from "@/lib/client/types";
import { riskStatusTone } from "./status-tones";

export function RiskTable({ risks }: { risks: Risk[] }) {
  const t = useTranslations("release.risks");
  const locale = useLocale();
  return (
    <Panel title={t("title")} id="risks" flush>
      <Table label={t("title")}>
        <thead>
          <tr>
            <Th>{t("risk")}</Th>
            <Th>{t("impact")}</Th>
            <Th>{t("mitigation")}</Th>
            <Th className="text-right">{t("severity")}</Th>
            <Th className="text-right">{t("likelihood")}</Th>
            <Th>{t("status")}</Th>
          </tr>
        </thead>
        <tbody>
          {risks.map((risk) => (
            <tr key={risk.id}>
              <Td className="min-w-48 font-medium">{localized(risk.title, locale)}</Td>
              <Td className="min-w-40 text-ink-muted">{localized(risk.impact, locale)}</Td>
              <Td className="min-w-56 text-ink-muted">{localized(risk.mitigation, locale)}</Td>
              <Td className="text-right tabular-nums">{t("scale", { value: risk.severity })}</Td>
              <Td className="text-right tabular-nums">{t("scale", { value: risk.likelihood })}</Td>
              <Td>
                <Badge tone={riskStatusTone[risk.status]}>{t(`statuses.${risk.status}`)}</Badge>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Panel>
  );
}
