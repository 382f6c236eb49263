import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { evaluateRelease } from "./evaluate-release";
import type { ScorecardDto } from "./guard.validation";

// The success criteria now: each over its own window ending now, with the
// share of that window that has data. A snapshot: limits do not apply and
// nothing is stored (reading the scorecard changes nothing).
export async function getScorecard(releaseId: string, now: Date = new Date()): Promise<ScorecardDto> {
  const release = await prisma.release.findUnique({ where: { id: releaseId }, select: { id: true } });
  if (!release) throw new AppError("NOT_FOUND", "Release not found");
  const { analysis, results } = await evaluateRelease(releaseId, { kind: "success", context: "scorecard", snapshot: true, now });
  return {
    at: now.toISOString(),
    outcome: analysis.outcome,
    score: analysis.score,
    reason: analysis.reason,
    criteria: results.map(({ criterion, result }) => ({
      criterionId: criterion.id,
      key: criterion.key,
      title: { ko: criterion.titleKo, en: criterion.titleEn },
      metric: criterion.metric,
      environment: criterion.environment,
      aggregation: criterion.aggregation,
      comparator: criterion.comparator,
      windowSec: criterion.windowSec,
      isKey: criterion.isKey,
      dryRun: criterion.dryRun,
      value: result.values.observed,
      threshold: result.values.threshold,
      windowCoverage: result.values.windowCoverage,
      sampleCount: result.values.sampleCount,
      outcome: result.outcome,
      reasonCode: result.reasonCode,
      reason: result.reason,
    })),
  };
}
