"use client";

import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useGuard } from "@/components/hooks/use-criteria";
import { BreachDetail, rollbackHref } from "@/components/layout/guard-alert";
import { breachOf } from "@/components/layout/guard-breach";
import { Alert } from "@/components/ui/alert";
import { Badge, type Tone } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Panel } from "@/components/ui/panel";
import { Table, Td, Th } from "@/components/ui/table";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { localized } from "@/lib/client/localized";
import type { CriterionDetail, CriterionEvaluation, GuardView } from "@/lib/client/types";
import { outcomeTone } from "./outcome-tone";
import { useMetricFormat } from "./use-metric-format";

const stateTone: Record<GuardView["state"], Tone> = { idle: "muted", watching: "info", breached: "danger" };
const historyShown = 10;

interface GuardPanelProps {
  releaseId: string;
  criteria: CriterionDetail[];
  canRollBack: boolean;
}

// The rollback guard: whether it watches, each rollback criterion's latest
// judgement with its values and window, the recent history, and a breach.
export function GuardPanel({ releaseId, criteria, canRollBack }: GuardPanelProps) {
  const t = useTranslations("metrics.guard");
  const locale = useLocale();
  const { dateTime } = useFormatter();
  const { data: guard, error, refetch } = useGuard(releaseId);
  const describe: Describe = (evaluation) => {
    const criterion = criteria.find((candidate) => candidate.id === evaluation.criterionId);
    return { name: criterion ? localized(criterion.title, locale) : evaluation.criterionKey, metric: criterion?.metric ?? null };
  };
  const latestAlert = guard?.alerts[0];
  const breach = guard?.state === "breached" && latestAlert ? breachOf(latestAlert.breach, latestAlert.id, latestAlert.at) : null;

  return (
    <Panel
      title={t("title")}
      id="guard"
      actions={
        guard ? (
          <span className="flex items-center gap-2" data-testid="guard-state" data-state={guard.state}>
            <Badge tone={stateTone[guard.state]}>{t(`states.${guard.state}`)}</Badge>
            <span className="text-[12px] text-ink-muted">{t(`policies.${guard.policy}`)}</span>
          </span>
        ) : null
      }
    >
      {error && !guard ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : !guard ? (
        <LoadingState />
      ) : (
        <div className="flex flex-col gap-4">
          <p className="text-[12px] text-ink-muted">
            {guard.state === "idle"
              ? t("idleHint")
              : guard.phase === "stabilisation" && guard.watchingUntil
                ? t("watchingUntil", { time: dateTime(new Date(guard.watchingUntil), { dateStyle: "medium", timeStyle: "short" }) })
                : t("watchingCutover")}
          </p>
          {breach ? (
            <Alert tone="danger" testId="guard-breach" className="flex flex-wrap items-center justify-between gap-2">
              <p>
                <strong className="font-semibold">{t("breached", { name: breach.title ? localized(breach.title, locale) : breach.criterionKey })}</strong>{" "}
                <BreachDetail breach={breach} />
              </p>
              {breach.policy === "propose" && canRollBack ? (
                <Link href={rollbackHref(releaseId)} className={buttonClass("danger", "sm")} data-testid="guard-start-rollback">
                  {t("startRollback")}
                </Link>
              ) : breach.policy === "auto" ? (
                <span className="font-medium">{t("autoRollback")}</span>
              ) : null}
            </Alert>
          ) : null}
          <LastEvaluation guard={guard} describe={describe} />
          <History history={guard.history} describe={describe} />
        </div>
      )}
    </Panel>
  );
}

// The criterion an evaluation judged: its name in the viewer's language and its metric.
type Describe = (evaluation: CriterionEvaluation) => { name: string; metric: string | null };

function LastEvaluation({ guard, describe }: { guard: GuardView; describe: Describe }) {
  const t = useTranslations("metrics.guard");
  const { dateTime } = useFormatter();
  if (!guard.lastEvaluation) return <EmptyState>{t("noEvaluation")}</EmptyState>;
  return (
    <Table label={t("lastEvaluation", { time: dateTime(new Date(guard.lastEvaluation.at), { timeStyle: "medium" }) })}>
      <thead>
        <tr>
          <Th>{t("columns.criterion")}</Th>
          <Th>{t("columns.outcome")}</Th>
          <Th>{t("columns.values")}</Th>
          <Th>{t("columns.window")}</Th>
        </tr>
      </thead>
      <tbody>
        {guard.lastEvaluation.evaluations.map((evaluation) => (
          <tr key={evaluation.id} data-testid={`guard-evaluation-${evaluation.criterionKey}`} data-outcome={evaluation.outcome}>
            <Td>{describe(evaluation).name}</Td>
            <Td>
              <OutcomeBadge evaluation={evaluation} />
            </Td>
            <Td>
              <EvaluationValues evaluation={evaluation} metric={describe(evaluation).metric} />
            </Td>
            <Td className="text-ink-muted tabular-nums">
              <EvaluationWindow evaluation={evaluation} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function History({ history, describe }: { history: CriterionEvaluation[]; describe: Describe }) {
  const t = useTranslations("metrics.guard");
  const { dateTime } = useFormatter();
  return (
    <section aria-labelledby="guard-history-heading" className="flex flex-col gap-1">
      <h3 id="guard-history-heading" className="text-[12px] font-semibold text-ink-muted">
        {t("history")}
      </h3>
      {history.length === 0 ? (
        <EmptyState>{t("noHistory")}</EmptyState>
      ) : (
        <ol className="flex flex-col divide-y divide-line text-[12px]" data-testid="guard-history">
          {history.slice(0, historyShown).map((evaluation) => (
            <li key={evaluation.id} className="flex flex-wrap items-center gap-2 py-1.5">
              <span className="text-ink-faint tabular-nums">{dateTime(new Date(evaluation.at), { timeStyle: "medium" })}</span>
              <OutcomeBadge evaluation={evaluation} />
              <span>{describe(evaluation).name}</span>
              <span className="min-w-0 truncate text-ink-muted" title={evaluation.reason}>
                {evaluation.reason}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function OutcomeBadge({ evaluation }: { evaluation: CriterionEvaluation }) {
  const t = useTranslations("metrics.outcomes");
  return (
    <span title={evaluation.reason} className="inline-flex items-center gap-1">
      <Badge tone={outcomeTone[evaluation.outcome]}>{t(evaluation.outcome)}</Badge>
      {evaluation.dryRun ? <Badge tone="muted">{t("dryRun")}</Badge> : null}
    </span>
  );
}

// "8.2% (threshold 5%)", from the values the engine saw.
function EvaluationValues({ evaluation, metric }: { evaluation: CriterionEvaluation; metric: string | null }) {
  const t = useTranslations("metrics.guard");
  const formatValue = useMetricFormat();
  const show = (value: unknown) => (typeof value === "number" ? formatValue(metric ?? "", value) : "—");
  return (
    <span className="tabular-nums" title={evaluation.reason}>
      {t("observed", { observed: show(evaluation.values.observed), threshold: show(evaluation.values.threshold) })}
    </span>
  );
}

function EvaluationWindow({ evaluation }: { evaluation: CriterionEvaluation }) {
  const format = useFormatter();
  const { from, to } = evaluation.values;
  if (typeof from !== "string" || typeof to !== "string") return <>—</>;
  return <>{format.dateTimeRange(new Date(from), new Date(to), { hour: "2-digit", minute: "2-digit", second: "2-digit" })}</>;
}
