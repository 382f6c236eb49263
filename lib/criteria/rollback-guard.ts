import { mutate, type Actor } from "@/lib/audit/mutate";
import { prisma } from "@/lib/db/client";
import { notify } from "@/lib/notifications/notify";
import { abortOperation } from "@/lib/operations/control-operation";
import { activeStatuses, describeError } from "@/lib/operations/operation-state";
import { startOperation } from "@/lib/operations/start-operation";
import { getReleaseSettings } from "@/lib/settings/get-settings";
import type { CriterionRow } from "./criterion-dto";
import type { CriterionResult } from "./engine";
import { evaluateRelease } from "./evaluate-release";
import { defaultGuardConfig, guardSettingKey, type GuardConfig } from "./guard-config";

// The rollback guard: while a real cutover runs and for the stabilisation
// window after it succeeded, the release's rollback criteria are evaluated on
// their intervals. A judged breach (past its limits, not a dry run) raises
// one alert per episode — audit `guard.breached`, live in every browser, and
// a notification — and, by policy, proposes the rollback or starts it:
// during the cutover by aborting it (traffic back to blue at once), after it
// by starting a rollback operation, which counts as an override of the
// Rollback gate with the criterion as the reason.

export type GuardPhase = "cutover" | "stabilisation";
export type GuardPolicy = "alert" | "propose" | "auto";

export interface GuardWatch {
  releaseId: string;
  // The cutover watched; its evaluations carry its id.
  operationId: string;
  phase: GuardPhase;
  // Samples before this do not count (they describe blue alone).
  since: Date;
  // When the stabilisation window ends; null while the cutover runs.
  until: Date | null;
  config: GuardConfig;
}

// The guard's own actor; the criterion it acts on is part of its label, so
// an abort's reason ("Aborted by …") names it too.
function guardActor(criterionKey?: string): Actor {
  return { userId: null, label: criterionKey ? `rollback guard (${criterionKey})` : "rollback guard", via: "system" };
}

export async function guardConfigFor(releaseId: string): Promise<GuardConfig> {
  const saved = await getReleaseSettings(releaseId, guardSettingKey).catch(() => null);
  return saved?.settings ?? defaultGuardConfig;
}

// What the guard watches for one release now, or null: the latest real
// cutover while it is active, or after it succeeded while the release is
// live and within the stabilisation window.
export async function guardWatchFor(releaseId: string, now: Date = new Date()): Promise<GuardWatch | null> {
  const cutover = await prisma.operation.findFirst({
    where: { releaseId, kind: "cutover", rehearsal: false, status: { in: [...activeStatuses, "succeeded"] }, startedAt: { not: null } },
    orderBy: { createdAt: "desc" },
    select: { id: true, status: true, startedAt: true, finishedAt: true, release: { select: { status: true } } },
  });
  if (!cutover?.startedAt) return null;
  const config = await guardConfigFor(releaseId);
  if (cutover.status !== "succeeded") {
    return cutover.status === "scheduled" ? null : { releaseId, operationId: cutover.id, phase: "cutover", since: cutover.startedAt, until: null, config };
  }
  if (cutover.release.status !== "live" || !cutover.finishedAt) return null;
  const until = new Date(cutover.finishedAt.getTime() + config.stabilisationHours * 3_600_000);
  if (until <= now) return null;
  return { releaseId, operationId: cutover.id, phase: "stabilisation", since: cutover.startedAt, until, config };
}

// One pass over every watched release (the worker calls it every 5 s).
export async function runRollbackGuard(now: Date = new Date(), log: (message: string) => void = (message) => console.error(message)): Promise<void> {
  const candidates = await prisma.operation.findMany({
    where: {
      kind: "cutover",
      rehearsal: false,
      OR: [{ status: { in: ["pending", "running", "paused", "needs_attention"] } }, { status: "succeeded", release: { status: "live" }, finishedAt: { gte: new Date(now.getTime() - 30 * 86_400_000) } }],
    },
    distinct: ["releaseId"],
    select: { releaseId: true },
  });
  for (const { releaseId } of candidates) {
    try {
      await guardRelease(releaseId, now);
    } catch (error) {
      log(`rollback guard: release ${releaseId}: ${describeError(error)}`);
    }
  }
}

// One release's pass, held under a transaction-scoped advisory lock so two
// workers never judge (and alert about) the same release at once.
export async function guardRelease(releaseId: string, now: Date = new Date()): Promise<void> {
  await prisma.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext(${`rollback-guard:${releaseId}`})) AS locked`;
      if (!lock?.locked) return;
      const watch = await guardWatchFor(releaseId, now);
      if (watch) await evaluateWatch(watch, now);
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

async function evaluateWatch(watch: GuardWatch, now: Date): Promise<void> {
  const due = await dueCriteria(watch, now);
  if (due.length === 0) return;
  const evaluation = await evaluateRelease(watch.releaseId, {
    kind: "rollback",
    context: "guard",
    criterionIds: due,
    notBefore: watch.since,
    operationId: watch.operationId,
    history: { since: watch.since },
    now,
    extra: { phase: watch.phase },
  });
  for (const { criterion, result } of evaluation.results) {
    if (!result.actionable || (await alreadyAlerted(criterion.id, watch, now))) continue;
    await raiseAlarm(watch, criterion, result);
  }
}

// Criteria whose interval has passed since their last guard evaluation.
async function dueCriteria(watch: GuardWatch, now: Date): Promise<string[]> {
  const criteria = await prisma.criterion.findMany({ where: { releaseId: watch.releaseId, kind: "rollback" }, select: { id: true, intervalSec: true } });
  const due: string[] = [];
  for (const criterion of criteria) {
    const last = await prisma.criterionEvaluation.findFirst({
      where: { criterionId: criterion.id, operationId: watch.operationId, values: { path: ["context"], equals: "guard" } },
      orderBy: { id: "desc" },
      select: { at: true },
    });
    if (!last || now.getTime() - last.at.getTime() >= criterion.intervalSec * 1000) due.push(criterion.id);
  }
  return due;
}

// One alert per breach episode: not again while the evaluation before this
// one was already an actionable breach.
async function alreadyAlerted(criterionId: string, watch: GuardWatch, now: Date): Promise<boolean> {
  const previous = await prisma.criterionEvaluation.findFirst({
    where: { criterionId, operationId: watch.operationId, at: { lt: now }, values: { path: ["context"], equals: "guard" } },
    orderBy: { id: "desc" },
    select: { values: true },
  });
  const values = previous?.values;
  return typeof values === "object" && values !== null && !Array.isArray(values) && values.actionable === true;
}

export function effectivePolicy(criterion: Pick<CriterionRow, "action">, config: GuardConfig): GuardPolicy {
  if (criterion.action === "auto_rollback") return "auto";
  if (criterion.action === "propose_rollback") return config.policy === "auto" ? "auto" : "propose";
  return "alert";
}

async function raiseAlarm(watch: GuardWatch, criterion: CriterionRow, result: CriterionResult): Promise<void> {
  const policy = effectivePolicy(criterion, watch.config);
  const breach = {
    criterion: { id: criterion.id, key: criterion.key, title: { ko: criterion.titleKo, en: criterion.titleEn }, metric: criterion.metric, environment: criterion.environment },
    values: result.values,
    window: { from: result.values.from, to: result.values.to },
    reason: result.reason,
    reasonCode: result.reasonCode,
    breachCount: result.breachCount,
    policy,
    phase: watch.phase,
    operationId: watch.operationId,
  };
  await mutate(guardActor(), async ({ tx, audit }) => {
    await audit({ releaseId: watch.releaseId, action: "guard.breached", subjectType: "Criterion", subjectId: criterion.id, after: breach });
    await notify(tx, watch.releaseId, "guard.breached", {
      criterionKey: criterion.key,
      criterionTitleEn: criterion.titleEn,
      criterionTitleKo: criterion.titleKo,
      reason: result.reason,
      observed: result.values.observed,
      threshold: result.values.threshold,
      windowFrom: result.values.from,
      windowTo: result.values.to,
      policy,
      phase: watch.phase,
    });
  });
  if (policy === "auto") await rollBack(watch, criterion, result);
}

async function rollBack(watch: GuardWatch, criterion: CriterionRow, result: CriterionResult): Promise<void> {
  const actor = guardActor(criterion.key);
  try {
    if (watch.phase === "cutover") {
      await abortOperation(actor, watch.releaseId, watch.operationId);
      return;
    }
    const release = await prisma.release.findUniqueOrThrow({ where: { id: watch.releaseId }, select: { version: true } });
    await startOperation(
      actor,
      null,
      watch.releaseId,
      // One automatic rollback per watched cutover, whichever worker gets here.
      { kind: "rollback", idempotencyKey: `rollback-guard:${watch.operationId}`, confirmVersion: release.version, rehearsal: false },
      { gateOverride: `Automatic rollback by policy: ${criterion.key} breached — ${result.reason}` },
    );
  } catch (error) {
    await mutate(guardActor(), async ({ audit }) => {
      await audit({
        releaseId: watch.releaseId,
        action: "guard.action_failed",
        subjectType: "Criterion",
        subjectId: criterion.id,
        after: { criterion: { key: criterion.key }, phase: watch.phase, operationId: watch.operationId, error: describeError(error) },
      });
    });
  }
}
