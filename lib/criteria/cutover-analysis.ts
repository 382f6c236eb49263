import { prisma } from "@/lib/db/client";
import { sleep } from "@/lib/operations/steps/driver-log";
import type { AnalysisVerdict } from "@/lib/operations/steps/analysis";
import type { StepContext } from "@/lib/operations/steps/types";
import type { PriorOutcome } from "./engine";
import { evaluateRelease, type ReleaseEvaluation } from "./evaluate-release";

// The cutover's analysis after each bake: the release's rollback criteria,
// judged on the samples since the split under analysis was set (earlier
// samples describe another split). Pass → the next traffic step; fail →
// abort, traffic back to blue, the criteria and values in the audit trail;
// inconclusive → pause for a person. A criterion still within its tolerated
// failures or inconclusive measurements is measured again after its interval.

// Right after a split the new samples are still arriving; judging on too
// little data is retried for this long before the analysis calls it
// inconclusive.
export const dataGraceMs = 15_000;
const dataShortage = new Set(["NO_DATA", "TOO_FEW_SAMPLES", "LOW_COVERAGE"]);
const retryMs = 1_000;

export async function analyseRollbackCriteria(ctx: StepContext): Promise<AnalysisVerdict> {
  // Rehearsals run on the rehearsal driver; the release's metrics describe
  // production traffic and say nothing about them.
  if (ctx.rehearsal) return { ok: true, detail: "rehearsal: the release's criteria judge production traffic only" };
  const counted = await prisma.criterion.count({ where: { releaseId: ctx.releaseId, kind: "rollback", dryRun: false } });
  const splitAt = await splitConfirmedAt(ctx);
  const started = Date.now();
  const history = new Map<string, PriorOutcome[]>();

  for (;;) {
    const evaluation = await evaluateRelease(ctx.releaseId, {
      kind: "rollback",
      context: "analysis",
      notBefore: splitAt,
      operationId: ctx.operationId,
      history,
      extra: { stepId: ctx.stepId },
    });
    await logResults(ctx, evaluation);
    const { analysis } = evaluation;
    const details = analysisDetails(evaluation, splitAt);
    if (counted === 0) {
      return { ok: true, detail: evaluation.results.length === 0 ? "no rollback criteria to judge" : "only dry-run rollback criteria: recorded, not acted on" };
    }
    if (analysis.outcome === "pass") return { ok: true, detail: analysis.reason, details };
    if (analysis.outcome === "fail") return { ok: false, onFailure: "abort", detail: analysis.reason, details };

    const shortOfData = evaluation.results.some(({ result }) => !result.dryRun && result.outcome === "inconclusive" && dataShortage.has(result.reasonCode));
    const waitMs = !analysis.settled ? pendingIntervalMs(evaluation) : shortOfData && Date.now() - started < dataGraceMs ? retryMs : null;
    if (waitMs === null) return { ok: false, onFailure: "pause", detail: analysis.reason, details };
    if (!analysis.settled) {
      for (const { criterion, result } of evaluation.results) {
        history.set(criterion.id, [...(history.get(criterion.id) ?? []), { outcome: result.outcome, at: evaluation.at }]);
      }
    }
    if (!(await sleep(waitMs, ctx.signal))) return { ok: false, detail: "interrupted" };
  }
}

// When the driver confirmed the split this analysis follows: the nearest
// set_split step before it. Without one (a plan of its own), the step's start.
async function splitConfirmedAt(ctx: StepContext): Promise<Date> {
  const step = await prisma.operationStep.findUniqueOrThrow({ where: { id: ctx.stepId }, select: { position: true, startedAt: true } });
  const split = await prisma.operationStep.findFirst({
    where: { operationId: ctx.operationId, kind: "set_split", position: { lt: step.position }, status: "succeeded" },
    orderBy: { position: "desc" },
    select: { finishedAt: true },
  });
  return split?.finishedAt ?? step.startedAt ?? new Date();
}

function pendingIntervalMs(evaluation: ReleaseEvaluation): number {
  const pending = evaluation.results.filter(({ result }) => result.judgement === "pending");
  return Math.min(...pending.map(({ criterion }) => criterion.intervalSec * 1000));
}

async function logResults(ctx: StepContext, evaluation: ReleaseEvaluation): Promise<void> {
  for (const { result } of evaluation.results) {
    const level = result.judgement === "fail" && !result.dryRun ? "error" : result.judgement === "pass" ? "info" : "warn";
    await ctx.log(level, `${result.criterionKey}: ${result.judgement} — ${result.reason}`);
  }
}

// What the audit trail keeps about the analysis: each criterion's verdict
// with the values it saw, and the window.
function analysisDetails(evaluation: ReleaseEvaluation, splitAt: Date) {
  return {
    window: { from: splitAt.toISOString(), to: evaluation.at.toISOString() },
    outcome: evaluation.analysis.outcome,
    criteria: evaluation.results.map(({ criterion, result }) => ({
      id: criterion.id,
      key: criterion.key,
      title: { ko: criterion.titleKo, en: criterion.titleEn },
      outcome: result.outcome,
      judgement: result.judgement,
      reasonCode: result.reasonCode,
      reason: result.reason,
      values: result.values,
      dryRun: result.dryRun,
    })),
  };
}
