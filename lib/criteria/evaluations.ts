import { prisma, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import type { EvaluationContext, EvaluationDto } from "./criteria.validation";
import type { CriterionResult, ManualFlag, PriorOutcome } from "./engine";
import { outcomes, type Outcome } from "./vocabulary";

// CriterionEvaluation rows: one per judgement, append-only. `values` holds
// what the engine saw and decided (observed, threshold, coverage, judgement,
// breach counts), plus the context that asked: the cutover's analysis, the
// rollback guard, a person's flag, or a scorecard snapshot.

export interface StoredEvaluation {
  criterionId: string;
  releaseId: string;
  at: Date;
  result: CriterionResult;
  context: EvaluationContext;
  operationId?: string | null;
  // Context-specific facts, e.g. the analysis step or whether an alert went out.
  extra?: Record<string, unknown>;
}

export async function storeEvaluations(db: Tx, evaluations: readonly StoredEvaluation[]): Promise<void> {
  if (evaluations.length === 0) return;
  await db.criterionEvaluation.createMany({
    data: evaluations.map((evaluation) => ({
      criterionId: evaluation.criterionId,
      releaseId: evaluation.releaseId,
      at: evaluation.at,
      outcome: evaluation.result.outcome,
      reason: evaluation.result.reason,
      dryRun: evaluation.result.dryRun,
      operationId: evaluation.operationId ?? null,
      values: evaluationValues(evaluation),
    })),
  });
}

function evaluationValues(evaluation: StoredEvaluation): Prisma.InputJsonValue {
  const { result } = evaluation;
  const values = {
    ...result.values,
    reasonCode: result.reasonCode,
    judgement: result.judgement,
    actionable: result.actionable,
    breachCount: result.breachCount,
    failureCount: result.failureCount,
    inconclusiveCount: result.inconclusiveCount,
    isKey: result.isKey,
    context: evaluation.context,
    ...evaluation.extra,
  };
  return JSON.parse(JSON.stringify(values)) as Prisma.InputJsonValue;
}

// The outcomes a criterion had in one context since `since`, newest first
// (enough of them for its limits), for the engine's breach and failure counts.
export async function priorOutcomes(criterionId: string, context: EvaluationContext, since: Date, operationId: string | null, take = 200): Promise<PriorOutcome[]> {
  const rows = await prisma.criterionEvaluation.findMany({
    where: { criterionId, at: { gte: since }, values: { path: ["context"], equals: context }, ...(operationId ? { operationId } : {}) },
    orderBy: { id: "desc" },
    take,
    select: { outcome: true, at: true },
  });
  return rows.map((row) => ({ outcome: asOutcome(row.outcome), at: row.at }));
}

// The last flag a person set on each of these criteria.
export async function latestFlags(criterionIds: readonly string[]): Promise<Map<string, ManualFlag>> {
  const flags = new Map<string, ManualFlag>();
  if (criterionIds.length === 0) return flags;
  const rows = await prisma.criterionEvaluation.findMany({
    where: { criterionId: { in: [...criterionIds] }, values: { path: ["context"], equals: "manual" } },
    orderBy: { id: "desc" },
    distinct: ["criterionId"],
    select: { criterionId: true, outcome: true, at: true, values: true },
  });
  for (const row of rows) {
    const values = asRecord(row.values);
    flags.set(row.criterionId, {
      outcome: row.outcome === "fail" ? "fail" : "pass",
      note: typeof values.note === "string" ? values.note : "",
      by: typeof values.by === "string" ? values.by : "someone",
      at: row.at,
    });
  }
  return flags;
}

export interface EvaluationFilter {
  criterionId?: string;
  context?: EvaluationContext;
  limit: number;
}

export async function listEvaluations(releaseId: string, filter: EvaluationFilter): Promise<EvaluationDto[]> {
  const release = await prisma.release.findUnique({ where: { id: releaseId }, select: { id: true } });
  if (!release) throw new AppError("NOT_FOUND", "Release not found");
  const rows = await prisma.criterionEvaluation.findMany({
    where: {
      releaseId,
      ...(filter.criterionId ? { criterionId: filter.criterionId } : {}),
      ...(filter.context ? { values: { path: ["context"], equals: filter.context } } : {}),
    },
    orderBy: { id: "desc" },
    take: filter.limit,
    select: evaluationSelect,
  });
  return rows.map(toEvaluationDto);
}

export const evaluationSelect = {
  id: true,
  criterionId: true,
  at: true,
  outcome: true,
  reason: true,
  dryRun: true,
  operationId: true,
  values: true,
  criterion: { select: { key: true } },
} as const satisfies Prisma.CriterionEvaluationSelect;

type EvaluationRow = Prisma.CriterionEvaluationGetPayload<{ select: typeof evaluationSelect }>;

export function toEvaluationDto(row: EvaluationRow): EvaluationDto {
  const values = asRecord(row.values);
  return {
    id: row.id.toString(),
    criterionId: row.criterionId,
    criterionKey: row.criterion.key,
    at: row.at.toISOString(),
    outcome: asOutcome(row.outcome),
    judgement: typeof values.judgement === "string" ? values.judgement : row.outcome,
    reason: row.reason,
    reasonCode: typeof values.reasonCode === "string" ? values.reasonCode : "",
    dryRun: row.dryRun,
    actionable: values.actionable === true,
    context: typeof values.context === "string" ? values.context : "",
    operationId: row.operationId,
    values,
  };
}

function asOutcome(value: string): Outcome {
  return (outcomes as readonly string[]).includes(value) ? (value as Outcome) : "inconclusive";
}

function asRecord(value: Prisma.JsonValue): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
