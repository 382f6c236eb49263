"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Panel } from "@/components/ui/panel";
import { localized } from "@/lib/client/localized";
import type { Criterion } from "@/lib/client/types";

interface CriteriaPanelProps {
  kind: Criterion["kind"];
  criteria: Criterion[];
}

export function CriteriaPanel({ kind, criteria }: CriteriaPanelProps) {
  const t = useTranslations("release.criteria");
  const locale = useLocale();
  const rows = criteria.filter((criterion) => criterion.kind === kind);
  return (
    <Panel title={t(`${kind}Title`)} id={`criteria-${kind}`}>
      <p className="mb-3 text-[12px] text-ink-faint">{t(`${kind}Rule`)}</p>
      <ul className="flex flex-col divide-y divide-line">
        {rows.map((criterion) => (
          <li key={criterion.id} className="flex flex-col gap-0.5 py-2 first:pt-0 last:pb-0">
            <span className="text-[13px]">{localized(criterion.title, locale)}</span>
            <CriterionRule criterion={criterion} />
          </li>
        ))}
      </ul>
    </Panel>
  );
}

function CriterionRule({ criterion }: { criterion: Criterion }) {
  const t = useTranslations("release.criteria");
  const format = useFormatter();
  if (!criterion.metric || !criterion.comparator || criterion.threshold === null) {
    return <span className="text-[12px] text-ink-faint">{t("manual")}</span>;
  }
  const parts = [
    criterion.aggregation ? `${criterion.aggregation}(${criterion.metric})` : criterion.metric,
    `${comparatorSymbols[criterion.comparator] ?? criterion.comparator} ${format.number(criterion.threshold)}`,
  ];
  return (
    <span className="font-mono text-[12px] text-ink-muted">
      {parts.join(" ")}
      {criterion.windowSec ? <span className="font-sans"> · {t("window", { window: windowText(criterion.windowSec, format) })}</span> : null}
    </span>
  );
}

const comparatorSymbols: Record<string, string> = { lt: "<", lte: "≤", gt: ">", gte: "≥", eq: "=", ne: "≠" };

function windowText(seconds: number, format: ReturnType<typeof useFormatter>): string {
  const [value, unit] =
    seconds % 3600 === 0 ? [seconds / 3600, "hour"] : seconds % 60 === 0 ? [seconds / 60, "minute"] : [seconds, "second"];
  return format.number(value, { style: "unit", unit, unitDisplay: "short" });
}
