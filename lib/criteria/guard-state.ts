import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { GuardStateDto } from "./guard.validation";
import { evaluationSelect, listEvaluations, toEvaluationDto } from "./evaluations";
import { effectivePolicy, guardConfigFor, guardWatchFor } from "./rollback-guard";

// What the rollback guard is doing for a release: idle (nothing to watch),
// watching (a cutover or its stabilisation window), or breached (a rollback
// criterion's latest guard evaluation is an actionable failure), with each
// criterion's latest evaluation and the recent history.
export async function getGuardState(releaseId: string, now: Date = new Date()): Promise<GuardStateDto> {
  const release = await prisma.release.findUnique({ where: { id: releaseId }, select: { id: true } });
  if (!release) throw new AppError("NOT_FOUND", "Release not found");
  const watch = await guardWatchFor(releaseId, now);
  const config = watch?.config ?? (await guardConfigFor(releaseId));
  const criteria = await prisma.criterion.findMany({ where: { releaseId, kind: "rollback" }, orderBy: { position: "asc" }, select: { id: true, key: true, action: true } });

  const latest = watch
    ? await prisma.criterionEvaluation.findMany({
        where: { releaseId, operationId: watch.operationId, values: { path: ["context"], equals: "guard" } },
        orderBy: { id: "desc" },
        distinct: ["criterionId"],
        select: evaluationSelect,
      })
    : [];
  const lastEvaluations = latest.map(toEvaluationDto);
  const breached = lastEvaluations.some((evaluation) => evaluation.actionable);
  const alerts = await prisma.auditEvent.findMany({
    where: { releaseId, action: "guard.breached" },
    orderBy: { id: "desc" },
    take: 20,
    select: { id: true, createdAt: true, after: true },
  });

  return {
    state: !watch ? "idle" : breached ? "breached" : "watching",
    phase: watch?.phase ?? null,
    operationId: watch?.operationId ?? null,
    watchingSince: watch?.since.toISOString() ?? null,
    watchingUntil: watch?.until?.toISOString() ?? null,
    policy: config.policy,
    criteria: criteria.map((criterion) => ({ id: criterion.id, key: criterion.key, policy: effectivePolicy(criterion, config) })),
    lastEvaluation: lastEvaluations.length === 0 ? null : { at: lastEvaluations.map((e) => e.at).sort().at(-1) as string, evaluations: lastEvaluations },
    alerts: alerts.map((alert) => ({ id: alert.id.toString(), at: alert.createdAt.toISOString(), breach: alert.after })),
    history: await listEvaluations(releaseId, { context: "guard", limit: 50 }),
  };
}
