"use client";

import { useState } from "react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useCriteria } from "@/components/hooks/use-criteria";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Panel } from "@/components/ui/panel";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { localized } from "@/lib/client/localized";
import type { CriterionDetail } from "@/lib/client/types";
import { comparatorSymbol } from "./chart-style";
import { CriterionForm } from "./criterion-form";
import { useMetricFormat } from "./use-metric-format";

const kinds: readonly CriterionDetail["kind"][] = ["rollback", "success"];

export function CriteriaEditor({ releaseId, canUpdate }: { releaseId: string; canUpdate: boolean }) {
  const t = useTranslations("metrics.criteria");
  const locale = useLocale();
  const { data: criteria, error, refetch } = useCriteria(releaseId);
  const [editingId, setEditingId] = useState<string | null>(null);
  const editing = criteria?.find((criterion) => criterion.id === editingId) ?? null;

  return (
    <Panel title={t("title")} id="criteria-editor" flush>
      {error && !criteria ? (
        <div className="p-4">
          <ErrorState error={error} onRetry={() => void refetch()} />
        </div>
      ) : !criteria ? (
        <LoadingState />
      ) : criteria.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <div className="flex flex-col">
          {canUpdate ? null : <p className="px-4 pt-3 text-[12px] text-ink-faint">{t("readOnly")}</p>}
          {kinds.map((kind) => (
            <section key={kind} aria-labelledby={`criteria-${kind}-heading`} className="px-4 py-3">
              <h3 id={`criteria-${kind}-heading`} className="mb-1 text-[12px] font-semibold text-ink-muted">
                {t(`kinds.${kind}`)}
              </h3>
              <ul className="flex flex-col divide-y divide-line">
                {criteria
                  .filter((criterion) => criterion.kind === kind)
                  .map((criterion) => (
                    <li key={criterion.id} data-testid={`criterion-${criterion.key}`} className="flex items-start justify-between gap-3 py-2">
                      <div className="flex min-w-0 flex-col gap-0.5">
                        <span className="text-[13px]">{localized(criterion.title, locale)}</span>
                        <CriterionDefinition criterion={criterion} />
                      </div>
                      {canUpdate ? (
                        <Button
                          size="sm"
                          onClick={() => setEditingId(criterion.id)}
                          aria-label={t("editLabel", { name: localized(criterion.title, locale) })}
                          data-testid={`criterion-${criterion.key}-edit`}
                        >
                          {t("edit")}
                        </Button>
                      ) : null}
                    </li>
                  ))}
              </ul>
            </section>
          ))}
        </div>
      )}
      {editing ? <CriterionForm key={editing.id} releaseId={releaseId} criterion={editing} onClose={() => setEditingId(null)} /> : null}
    </Panel>
  );
}

// "avg(error_rate) > 5% · 5 min · green · 3 in a row", then its flags.
export function CriterionDefinition({ criterion }: { criterion: CriterionDetail }) {
  const t = useTranslations("metrics.criteria");
  const tMetrics = useTranslations("metrics");
  const formatValue = useMetricFormat();
  const windowText = useWindowText();
  const parts: string[] = [];
  if (criterion.metric === null) {
    parts.push(t("manual"));
  } else {
    const subject = criterion.aggregation ? `${criterion.aggregation}(${criterion.metric})` : criterion.metric;
    const target =
      criterion.baseline !== null && criterion.relativePercent !== null
        ? t("relative", { baseline: tMetrics(`environments.${environmentKey(criterion.baseline)}`), percent: criterion.relativePercent })
        : criterion.threshold !== null
          ? formatValue(criterion.metric, criterion.threshold)
          : "";
    parts.push(`${subject} ${comparatorSymbol(criterion.comparator)} ${target}`.trim());
    if (criterion.windowSec !== null) parts.push(windowText(criterion.windowSec));
    parts.push(tMetrics(`environments.${environmentKey(criterion.environment)}`));
    if (criterion.consecutiveBreaches > 1) parts.push(t("consecutive", { count: criterion.consecutiveBreaches }));
  }
  return (
    <span className="flex flex-wrap items-center gap-1.5">
      <span className="font-mono text-[12px] text-ink-muted">{parts.join(" · ")}</span>
      {criterion.isKey ? <Badge tone="accent">{t("key")}</Badge> : null}
      {criterion.dryRun ? <Badge tone="muted">{t("dryRun")}</Badge> : null}
      {criterion.action === "propose_rollback" || criterion.action === "auto_rollback" ? (
        <Badge tone="warn">{t(`actions.${criterion.action}`)}</Badge>
      ) : null}
    </span>
  );
}

export function useWindowText(): (seconds: number) => string {
  const format = useFormatter();
  return (seconds: number) => {
    const [value, unit] =
      seconds % 3600 === 0 ? [seconds / 3600, "hour"] : seconds % 60 === 0 ? [seconds / 60, "minute"] : [seconds, "second"];
    return format.number(value, { style: "unit", unit, unitDisplay: "short" });
  };
}

function environmentKey(environment: string): "blue" | "green" | "all" {
  return environment === "blue" || environment === "green" ? environment : "all";
}
