"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useScorecard, useSyntheticChecks } from "@/components/hooks/use-criteria";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { ProgressBar } from "@/components/ui/progress-bar";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { syntheticChecksMetric } from "@/lib/criteria/vocabulary";
import { localized } from "@/lib/client/localized";
import type { ScorecardEntry } from "@/lib/client/types";
import { comparatorSymbol } from "./chart-style";
import { useWindowText } from "./criteria-editor";
import { outcomeTone } from "./outcome-tone";
import { useMetricFormat } from "./use-metric-format";

// Each success criterion now: its value over its window, how much of the
// window has data, and the verdict with its reason one click away.
export function ScorecardPanel({ releaseId }: { releaseId: string }) {
  const t = useTranslations("metrics.scorecard");
  const tOutcome = useTranslations("metrics.outcomes");
  const { data: scorecard, error, refetch } = useScorecard(releaseId);
  return (
    <Panel
      title={t("title")}
      id="scorecard"
      flush
      actions={
        scorecard ? (
          <span title={scorecard.reason} data-testid="scorecard-outcome" data-outcome={scorecard.outcome}>
            <Badge tone={outcomeTone[scorecard.outcome]}>{tOutcome(scorecard.outcome)}</Badge>
          </span>
        ) : null
      }
    >
      {error && !scorecard ? (
        <div className="p-4">
          <ErrorState error={error} onRetry={() => void refetch()} />
        </div>
      ) : !scorecard ? (
        <LoadingState />
      ) : scorecard.criteria.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="flex flex-col divide-y divide-line">
          {scorecard.criteria.map((entry) => (
            <ScorecardRow key={entry.criterionId} releaseId={releaseId} entry={entry} />
          ))}
        </ul>
      )}
    </Panel>
  );
}

function ScorecardRow({ releaseId, entry }: { releaseId: string; entry: ScorecardEntry }) {
  const t = useTranslations("metrics.scorecard");
  const tOutcome = useTranslations("metrics.outcomes");
  const locale = useLocale();
  const format = useFormatter();
  const formatValue = useMetricFormat();
  const windowText = useWindowText();
  const title = localized(entry.title, locale);
  const syntheticChecks = entry.metric === syntheticChecksMetric;
  const show = (value: number | null) =>
    value === null ? "—" : syntheticChecks ? format.number(value / 100, { style: "percent" }) : formatValue(entry.metric ?? "", value);
  return (
    <li data-testid={`scorecard-${entry.key}`} data-outcome={entry.outcome} className="flex flex-col gap-1.5 px-4 py-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="flex items-center gap-1.5 text-[13px]">
          {title}
          {entry.isKey ? <Badge tone="accent">{t("key")}</Badge> : null}
          {entry.dryRun ? <Badge tone="muted">{tOutcome("dryRun")}</Badge> : null}
        </span>
        <Badge tone={outcomeTone[entry.outcome]}>{tOutcome(entry.outcome)}</Badge>
      </div>
      <div className="flex flex-wrap items-baseline gap-x-3 text-[12px] text-ink-muted tabular-nums">
        <span>
          {t("value", { value: show(entry.value) })}
          {entry.threshold !== null ? ` · ${t("target", { comparator: comparatorSymbol(entry.comparator), threshold: show(entry.threshold) })}` : null}
        </span>
        {entry.windowSec !== null ? <span>{t("window", { window: windowText(entry.windowSec) })}</span> : null}
      </div>
      <div className="flex items-center gap-2">
        <ProgressBar
          value={Math.round(entry.windowCoverage * 100)}
          max={100}
          label={t("coverageLabel", { name: title })}
          className="max-w-48"
        />
        <span className="text-[12px] text-ink-faint tabular-nums">
          {t("coverage", { coverage: format.number(entry.windowCoverage, { style: "percent" }) })}
        </span>
      </div>
      {syntheticChecks ? <SyntheticChecks releaseId={releaseId} /> : null}
      <details className="text-[12px]">
        <summary className="cursor-pointer text-ink-muted">{t("why")}</summary>
        <p className="mt-1 text-ink-muted">{entry.reason}</p>
      </details>
    </li>
  );
}

// "All key features work": the synthetic checks behind that criterion.
function SyntheticChecks({ releaseId }: { releaseId: string }) {
  const t = useTranslations("metrics.scorecard");
  const { data: checks } = useSyntheticChecks(releaseId);
  if (!checks) return null;
  if (checks.length === 0) return <p className="text-[12px] text-ink-faint">{t("noChecks")}</p>;
  return (
    <ul aria-label={t("checksLabel")} className="flex flex-col gap-1 text-[12px]" data-testid="synthetic-checks">
      {checks.map((check) => (
        <li key={check.id} className="flex flex-wrap items-center gap-2">
          <Badge tone={check.lastOk === null ? "muted" : check.lastOk ? "ok" : "danger"}>
            {check.lastOk === null ? t("checkPending") : check.lastOk ? t("checkOk") : t("checkFailing")}
          </Badge>
          <span>{check.name}</span>
          {check.lastDetail ? <span className="text-ink-faint">{check.lastDetail}</span> : null}
        </li>
      ))}
    </ul>
  );
}
