import { mutate, type Actor } from "@/lib/audit/mutate";
import { prisma } from "@/lib/db/client";
import { driverForRelease } from "@/lib/drivers/create-driver";
import { AppError } from "@/lib/errors";
import { clearActiveOperation } from "./engine";
import { getOperationSummary } from "./operation-dto";
import { orderedLogger } from "./operation-log";
import { describeError, isFinished, lockOperationOrThrow, movesTraffic, notifySafely, operationFacts, recordConfirmedTraffic } from "./operation-state";
import type { OperationSummaryDto } from "./operations.validation";
import { enqueueOperation } from "./queue";

// Pause, resume and abort are state in the database plus an event on the
// bus: the worker running the operation (in this process or another) sees
// the status change and its step's signal fires.

export async function pauseOperation(actor: Actor, releaseId: string, operationId: string): Promise<OperationSummaryDto> {
  await mutate(actor, async ({ tx, audit }) => {
    const op = await lockOperationOrThrow(tx, releaseId, operationId);
    if (op.status !== "running" && op.status !== "pending") {
      throw new AppError("CONFLICT", `Only a running or pending operation can be paused; this one is ${op.status}`, { status: op.status });
    }
    await tx.operation.update({ where: { id: operationId }, data: { status: "paused", version: { increment: 1 } } });
    await audit({ releaseId, action: "operation.paused", subjectType: "Operation", subjectId: operationId, before: { status: op.status }, after: { ...operationFacts(op), status: "paused" } });
  });
  return getOperationSummary(operationId);
}

// From paused, or from needs_attention once a person has looked: the step
// that failed (or was cut off) runs again, resuming from its checkpoint.
export async function resumeOperation(actor: Actor, releaseId: string, operationId: string): Promise<OperationSummaryDto> {
  await mutate(actor, async ({ tx, audit }) => {
    const op = await lockOperationOrThrow(tx, releaseId, operationId);
    if (op.status !== "paused" && op.status !== "needs_attention") {
      throw new AppError("CONFLICT", `Only a paused operation or one that needs attention can be resumed; this one is ${op.status}`, { status: op.status });
    }
    await tx.operationStep.updateMany({ where: { operationId, status: { in: ["failed", "running"] } }, data: { status: "pending" } });
    await tx.operation.update({ where: { id: operationId }, data: { status: "pending", reason: null, version: { increment: 1 } } });
    await audit({ releaseId, action: "operation.resumed", subjectType: "Operation", subjectId: operationId, before: { status: op.status }, after: { ...operationFacts(op), status: "pending" } });
  });
  await enqueueOperation(operationId).catch((error: unknown) =>
    console.error(`[launch-control] operation ${operationId} resumed but not queued; the worker's sweep will continue it`, error),
  );
  return getOperationSummary(operationId);
}

// Stops the operation and, for one that has moved traffic, puts all of it on
// blue from this request — not via the worker, which may be mid-bake or in
// another process. The split to blue is sent at once, alongside the status
// transaction (which may wait for the worker's row lock), because abort means
// "blue now"; after commit it is sent again and confirmed, so a late split
// from the worker's in-flight step cannot win either.
export async function abortOperation(actor: Actor, releaseId: string, operationId: string): Promise<OperationSummaryDto> {
  const early = await sendBlueEarly(releaseId, operationId);
  const op = await mutate(actor, async ({ tx, audit }) => {
    const current = await lockOperationOrThrow(tx, releaseId, operationId);
    if (isFinished(current.status)) {
      throw new AppError("CONFLICT", `The operation already ended (${current.status})`, { status: current.status });
    }
    const reason = `Aborted by ${actor.label}`;
    await tx.operationStep.updateMany({ where: { operationId, status: "running" }, data: { status: "aborted", finishedAt: new Date() } });
    await tx.operationStep.updateMany({ where: { operationId, status: { in: ["pending", "failed"] } }, data: { status: "skipped" } });
    await tx.operation.update({ where: { id: operationId }, data: { status: "aborted", reason, finishedAt: new Date(), version: { increment: 1 } } });
    await clearActiveOperation(tx, current);
    await audit({ releaseId, action: "operation.aborted", subjectType: "Operation", subjectId: operationId, before: { status: current.status }, after: { ...operationFacts(current), status: "aborted", reason } });
    return current;
  });

  // Scheduled or pending operations that never ran have not moved anything.
  await early;
  if (movesTraffic(op.kind) && op.startedAt) await moveTrafficToBlue(actor, op);
  await notifySafely(releaseId, "operation.aborted", { operationId, kind: op.kind, rehearsal: op.rehearsal, actorName: actor.label });
  return getOperationSummary(operationId);
}

// Fire-and-remember: resolves when the driver has answered (or failed; the
// confirming call after commit reports failures), never rejects.
async function sendBlueEarly(releaseId: string, operationId: string): Promise<Promise<void>> {
  const op = await prisma.operation.findFirst({
    where: { id: operationId, releaseId },
    select: { kind: true, status: true, startedAt: true, rehearsal: true },
  });
  if (!op || !movesTraffic(op.kind) || !op.startedAt || isFinished(op.status)) return Promise.resolve();
  return (async () => {
    const driver = await driverForRelease(releaseId, op.rehearsal ? "rehearsal" : "production");
    try {
      await driver.setSplit(0, () => undefined);
    } finally {
      await driver.close?.();
    }
  })().catch(() => undefined);
}

async function moveTrafficToBlue(actor: Actor, op: Parameters<typeof recordConfirmedTraffic>[1]): Promise<void> {
  const logger = orderedLogger({ releaseId: op.releaseId, operationId: op.id, stepId: null });
  void logger.log("warn", `abort by ${actor.label}: moving all traffic to blue`);
  try {
    const driver = await driverForRelease(op.releaseId, op.rehearsal ? "rehearsal" : "production");
    try {
      const state = await driver.setSplit(0, (level, message) => void logger.log(level, message));
      await recordConfirmedTraffic(actor, op, state);
      void logger.log(state.greenPercent === 0 ? "info" : "error", `driver confirms green at ${state.greenPercent} % (blue ${state.weights.blue} / green ${state.weights.green})`);
    } finally {
      await driver.close?.();
    }
  } catch (error) {
    const message = `the driver did not confirm traffic on blue: ${describeError(error)}`;
    void logger.log("error", message);
    await mutate(actor, async ({ tx, audit }) => {
      await tx.operation.update({ where: { id: op.id }, data: { reason: `Aborted by ${actor.label}; ${message}` } });
      await audit({ releaseId: op.releaseId, action: "operation.abort.traffic_failed", subjectType: "Operation", subjectId: op.id, after: { ...operationFacts(op), reason: message } });
    });
  } finally {
    await logger.flush();
  }
}
