import { mutate } from "@/lib/audit/mutate";
import { prisma, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { driverForRelease } from "@/lib/drivers/create-driver";
import type { TrafficDriver } from "@/lib/drivers/types";
import { onReleaseEvent } from "@/lib/events/bus";
import { gateBlockers } from "@/lib/gates/assert-gate-open";
import { acquireLease, dropLease, leaseRenewMs, releaseIdleLease, renewLease } from "./lease";
import { orderedLogger } from "./operation-log";
import {
  describeError,
  gateForKind,
  lockOperation,
  movesTraffic,
  notifySafely,
  operationFacts,
  recordConfirmedTraffic,
  workerActor,
  type LockedOperation,
} from "./operation-state";
import { stepDefinition } from "./steps/registry";
import type { StepContext, StepOutcome } from "./steps/types";

// Runs one operation, step after step, under a lease. Every status change is
// a mutate() (audited, live with seq) and conditional on the lease and the
// status still being what this worker expects, so a pause or an abort from
// another process always wins over the step that was running.

// How often the running operation's status is re-read, for a pause or abort
// that came from another process (this process hears them on the bus at once).
export const statusPollMs = 250;

export type InterruptReason = "paused" | "aborted" | "shutdown" | "lease-lost";

export interface RunOptions {
  // Identifies this worker in Operation.leaseOwner.
  owner: string;
  // Fires when the worker shuts down: the running step checkpoints and the
  // operation is handed back for another worker to continue.
  shutdown?: AbortSignal;
}

export async function runOperation(operationId: string, options: RunOptions): Promise<void> {
  if (!(await acquireLease(operationId, options.owner))) return;
  const watch = watchOperation(operationId, options);
  const drivers = new DriverCache();
  try {
    for (;;) {
      await runUntilIdle(operationId, options, watch, drivers);
      if (watch.lostLease) return;
      if (options.shutdown?.aborted) {
        await dropLease(operationId, options.owner);
        return;
      }
      // Resumed while this worker was winding down: keep going.
      if (await releaseIdleLease(operationId, options.owner)) return;
    }
  } finally {
    watch.stop();
    await drivers.close();
  }
}

async function runUntilIdle(operationId: string, options: RunOptions, watch: Watch, drivers: DriverCache): Promise<void> {
  for (;;) {
    if (watch.lostLease || options.shutdown?.aborted) return;
    const op = await prisma.operation.findUnique({ where: { id: operationId }, select: operationSelect });
    if (!op || op.leaseOwner !== options.owner) return;
    if (op.status === "scheduled") {
      if (!(await beginScheduled(op, options.owner))) return;
      continue;
    }
    if (op.status === "pending") {
      await markRunning(op, options.owner);
      continue;
    }
    if (op.status !== "running") return;

    const step = await prisma.operationStep.findFirst({
      where: { operationId, status: { notIn: ["succeeded", "skipped"] } },
      orderBy: { position: "asc" },
      select: stepSelect,
    });
    if (!step) {
      await finishOperation(op, options.owner);
      return;
    }
    const definition = stepDefinition(step.kind);
    if (!definition) {
      await parkOperation(op, step, options.owner, `unknown step kind "${step.kind}"`, drivers);
      return;
    }
    // Still "running" from an earlier attempt: the worker running it stopped
    // mid-step (crash, kill -9). Repeat it only if repeating is harmless.
    const crashed = step.status === "running";
    if (crashed && !definition.safeToRepeat) {
      const check = definition.recoveryHint ?? `what ${step.kind} had already done`;
      const reason = `server stopped during ${step.kind}; check ${check} before resuming`;
      await parkOperation(op, step, options.owner, reason, drivers, `Step ${step.position + 1}: ${reason}`);
      return;
    }
    const started = await markStepRunning(op, step, options.owner);
    if (!started) continue;

    const controller = watch.arm();
    const logger = orderedLogger({ releaseId: op.releaseId, operationId, stepId: step.id });
    if (crashed) void logger.log("warn", `the worker running this step stopped; running it again (${step.kind} is safe to repeat)`);
    const ctx: StepContext = {
      operationId,
      releaseId: op.releaseId,
      rehearsal: op.rehearsal,
      stepId: step.id,
      params: step.params,
      driver: () => drivers.get(op.releaseId, op.rehearsal),
      log: logger.log,
      signal: controller.signal,
      previousResult: started.previousResult,
      checkpoint: (result) => saveCheckpoint(step.id, options.owner, result),
      recordTraffic: (state) => recordConfirmedTraffic(workerActor, op, state),
    };
    let outcome: StepOutcome;
    try {
      outcome = await definition.run(ctx);
    } catch (error) {
      outcome = { status: "failed", reason: describeError(error) };
    }
    watch.disarm();
    await logger.flush();

    // A step that finished as the signal fired did its work; record it.
    if (outcome.status === "succeeded") {
      await markStepSucceeded(op, step, options.owner, outcome.result);
      continue;
    }
    if (controller.signal.aborted) {
      await afterInterrupt(op, step, options.owner, controller.signal.reason as InterruptReason, drivers);
      continue;
    }
    await logger.log("error", outcome.reason);
    if (outcome.status === "abort") await abortFromStep(op, step, options.owner, outcome.reason, outcome.details, drivers);
    else if (outcome.status === "pause") await pauseFromStep(op, step, options.owner, outcome.reason, outcome.details);
    else await parkOperation(op, step, options.owner, outcome.reason, drivers);
    return;
  }
}

const operationSelect = {
  id: true,
  releaseId: true,
  kind: true,
  status: true,
  rehearsal: true,
  leaseOwner: true,
  startedAt: true,
  currentStep: true,
} as const satisfies Prisma.OperationSelect;

const stepSelect = { id: true, position: true, kind: true, params: true, status: true, attempts: true, result: true } as const satisfies Prisma.OperationStepSelect;

type StepRow = Prisma.OperationStepGetPayload<{ select: typeof stepSelect }>;

// Locks the operation and checks it is still this worker's to change.
async function lockOwned(tx: Tx, op: LockedOperation, owner: string, statuses: readonly string[]): Promise<LockedOperation | null> {
  const current = await lockOperation(tx, op.id);
  if (!current || current.leaseOwner !== owner || !statuses.includes(current.status)) return null;
  return current;
}

// A scheduled operation starts only if its gate is still approved at start
// time; otherwise it is cancelled with the reason. Rehearsals have no gate.
async function beginScheduled(op: LockedOperation, owner: string): Promise<boolean> {
  const outcome = await mutate(workerActor, async ({ tx, audit }) => {
    const current = await lockOwned(tx, op, owner, ["scheduled"]);
    if (!current) return "gone" as const;
    const blockers = op.rehearsal ? [] : await gateBlockers(tx, op.releaseId, gateForKind[op.kind]);
    if (blockers.length > 0) {
      const reason = `At its scheduled time the "${gateForKind[op.kind]}" gate was not approved: ${blockers.map((b) => b.message).join("; ")}`;
      await tx.operation.update({
        where: { id: op.id },
        data: { status: "cancelled", reason, finishedAt: new Date(), leaseOwner: null, leaseUntil: null, version: { increment: 1 } },
      });
      await clearActiveOperation(tx, op);
      await audit({ releaseId: op.releaseId, action: "operation.cancelled", subjectType: "Operation", subjectId: op.id, before: { status: "scheduled" }, after: { ...operationFacts(op), status: "cancelled", reason, blockers } });
      return { cancelled: reason };
    }
    await tx.operation.update({ where: { id: op.id }, data: { status: "running", startedAt: new Date(), version: { increment: 1 } } });
    await audit({ releaseId: op.releaseId, action: "operation.started", subjectType: "Operation", subjectId: op.id, before: { status: "scheduled" }, after: { ...operationFacts(op), status: "running" } });
    return "started" as const;
  });
  if (typeof outcome === "object") {
    await notifySafely(op.releaseId, "operation.cancelled", { operationId: op.id, kind: op.kind, rehearsal: op.rehearsal, reason: outcome.cancelled });
    return false;
  }
  if (outcome === "started") await notifySafely(op.releaseId, "operation.started", { operationId: op.id, kind: op.kind, rehearsal: op.rehearsal });
  return outcome === "started";
}

async function markRunning(op: LockedOperation, owner: string): Promise<void> {
  const first = await mutate(workerActor, async ({ tx, audit }) => {
    const current = await lockOwned(tx, op, owner, ["pending"]);
    if (!current) return false;
    await tx.operation.update({
      where: { id: op.id },
      data: { status: "running", startedAt: current.startedAt ?? new Date(), reason: null, version: { increment: 1 } },
    });
    // First start, or running again after a resume.
    const action = current.startedAt ? "operation.running" : "operation.started";
    await audit({ releaseId: op.releaseId, action, subjectType: "Operation", subjectId: op.id, before: { status: "pending" }, after: { ...operationFacts(op), status: "running" } });
    return current.startedAt === null;
  });
  if (first) await notifySafely(op.releaseId, "operation.started", { operationId: op.id, kind: op.kind, rehearsal: op.rehearsal });
}

async function markStepRunning(op: LockedOperation, step: StepRow, owner: string): Promise<{ previousResult: unknown } | null> {
  return mutate(workerActor, async ({ tx, audit }) => {
    if (!(await lockOwned(tx, op, owner, ["running"]))) return null;
    const updated = await tx.operationStep.update({
      where: { id: step.id },
      data: { status: "running", attempts: { increment: 1 }, startedAt: new Date(), finishedAt: null, error: null },
      select: { attempts: true },
    });
    await tx.operation.update({ where: { id: op.id }, data: { currentStep: step.position } });
    await audit({
      releaseId: op.releaseId,
      action: "operation.step.started",
      subjectType: "Operation",
      subjectId: op.id,
      after: { ...operationFacts(op), step: { id: step.id, position: step.position, kind: step.kind, attempt: updated.attempts } },
    });
    // A step's result column holds its checkpoint until it succeeds.
    return { previousResult: step.result ?? undefined };
  });
}

async function saveCheckpoint(stepId: string, owner: string, result: unknown): Promise<void> {
  await prisma.operationStep.updateMany({
    where: { id: stepId, status: "running", operation: { leaseOwner: owner } },
    data: { result: toJson(result) },
  });
}

async function markStepSucceeded(op: LockedOperation, step: StepRow, owner: string, result: unknown): Promise<void> {
  await mutate(workerActor, async ({ tx, audit }) => {
    // Also while paused: the step finished before the pause reached it.
    if (!(await lockOwned(tx, op, owner, ["running", "paused"]))) return;
    await tx.operationStep.update({ where: { id: step.id }, data: { status: "succeeded", result: toJson(result), finishedAt: new Date() } });
    await audit({
      releaseId: op.releaseId,
      action: "operation.step.succeeded",
      subjectType: "Operation",
      subjectId: op.id,
      after: { ...operationFacts(op), step: { id: step.id, position: step.position, kind: step.kind } },
    });
  });
}

// Paused or shutting down: the step goes back to pending with its checkpoint
// and runs again later. Aborted: the abort already moved traffic to blue; if
// this worker's own driver call landed after it, put blue back.
async function afterInterrupt(op: LockedOperation, step: StepRow, owner: string, reason: InterruptReason, drivers: DriverCache): Promise<void> {
  if (reason === "lease-lost") return;
  if (reason === "aborted") {
    await restoreBlueAfterAbort(op, drivers);
    return;
  }
  await mutate(workerActor, async ({ tx, audit }) => {
    if (!(await lockOwned(tx, op, owner, ["running", "paused"]))) return;
    const { count } = await tx.operationStep.updateMany({ where: { id: step.id, status: "running" }, data: { status: "pending" } });
    if (count === 0) return;
    await audit({
      releaseId: op.releaseId,
      action: "operation.step.interrupted",
      subjectType: "Operation",
      subjectId: op.id,
      after: { ...operationFacts(op), step: { id: step.id, position: step.position, kind: step.kind }, reason: reason === "paused" ? "paused" : "worker stopping" },
    });
  });
}

async function restoreBlueAfterAbort(op: LockedOperation, drivers: DriverCache): Promise<void> {
  if (!movesTraffic(op.kind)) return;
  const logger = orderedLogger({ releaseId: op.releaseId, operationId: op.id, stepId: null });
  try {
    const driver = await drivers.get(op.releaseId, op.rehearsal);
    const state = await driver.readState(() => undefined);
    if (state.greenPercent === 0) return;
    // A newer operation owns the traffic now; leave it alone.
    const release = await prisma.release.findUnique({ where: { id: op.releaseId }, select: { activeOperationId: true } });
    if (!op.rehearsal && release?.activeOperationId) return;
    await logger.log("warn", `green was at ${state.greenPercent} % after the abort (a driver call in flight landed late); moving all traffic back to blue`);
    await recordConfirmedTraffic(workerActor, op, await driver.setSplit(0, (level, message) => void logger.log(level, message)));
  } catch (error) {
    await logger.log("error", `could not confirm traffic on blue after the abort: ${describeError(error)}`);
  } finally {
    await logger.flush();
  }
}

// A step that failed stops the operation in needs_attention with the reason;
// traffic stays where the driver last confirmed it, read back now.
async function parkOperation(
  op: LockedOperation,
  step: StepRow,
  owner: string,
  reason: string,
  drivers: DriverCache,
  message = `Step ${step.position + 1} (${step.kind}) failed: ${reason}`,
): Promise<void> {
  if (movesTraffic(op.kind)) {
    try {
      const driver = await drivers.get(op.releaseId, op.rehearsal);
      await recordConfirmedTraffic(workerActor, op, await driver.readState(() => undefined));
    } catch {
      // Unreachable driver: the last confirmed split on record stands.
    }
  }
  const parked = await mutate(workerActor, async ({ tx, audit }) => {
    if (!(await lockOwned(tx, op, owner, ["running"]))) return false;
    await tx.operationStep.update({ where: { id: step.id }, data: { status: "failed", error: reason, finishedAt: new Date() } });
    await tx.operation.update({
      where: { id: op.id },
      data: { status: "needs_attention", reason: message, leaseOwner: null, leaseUntil: null, version: { increment: 1 } },
    });
    const stepFacts = { id: step.id, position: step.position, kind: step.kind };
    await audit({ releaseId: op.releaseId, action: "operation.step.failed", subjectType: "Operation", subjectId: op.id, after: { ...operationFacts(op), step: stepFacts, reason } });
    await audit({ releaseId: op.releaseId, action: "operation.needs_attention", subjectType: "Operation", subjectId: op.id, before: { status: "running" }, after: { ...operationFacts(op), status: "needs_attention", reason: message } });
    return true;
  });
  if (parked) await notifySafely(op.releaseId, "operation.needs_attention", { operationId: op.id, kind: op.kind, rehearsal: op.rehearsal, reason: message });
}

// A step that judged the operation must not go on (a failed analysis): the
// operation ends aborted with the step's reason, like a person's abort, and
// traffic goes back to blue from here.
async function abortFromStep(op: LockedOperation, step: StepRow, owner: string, reason: string, details: unknown, drivers: DriverCache): Promise<void> {
  const message = `Step ${step.position + 1} (${step.kind}): ${reason}${movesTraffic(op.kind) ? "; all traffic back to blue" : ""}`;
  const aborted = await mutate(workerActor, async ({ tx, audit }) => {
    if (!(await lockOwned(tx, op, owner, ["running"]))) return false;
    await tx.operationStep.update({ where: { id: step.id }, data: { status: "failed", error: reason, finishedAt: new Date() } });
    await tx.operationStep.updateMany({ where: { operationId: op.id, status: { in: ["pending", "failed"] }, id: { not: step.id } }, data: { status: "skipped" } });
    await tx.operation.update({
      where: { id: op.id },
      data: { status: "aborted", reason: message, finishedAt: new Date(), leaseOwner: null, leaseUntil: null, version: { increment: 1 } },
    });
    await clearActiveOperation(tx, op);
    const stepFacts = { id: step.id, position: step.position, kind: step.kind };
    await audit({ releaseId: op.releaseId, action: "operation.step.failed", subjectType: "Operation", subjectId: op.id, after: { ...operationFacts(op), step: stepFacts, reason, details } });
    await audit({ releaseId: op.releaseId, action: "operation.aborted", subjectType: "Operation", subjectId: op.id, before: { status: "running" }, after: { ...operationFacts(op), status: "aborted", reason: message, step: stepFacts, details } });
    return true;
  });
  if (!aborted) return;
  if (movesTraffic(op.kind)) await moveAllToBlue(op, drivers, message);
  await notifySafely(op.releaseId, "operation.aborted", { operationId: op.id, kind: op.kind, rehearsal: op.rehearsal, reason: message });
}

async function moveAllToBlue(op: LockedOperation, drivers: DriverCache, why: string): Promise<void> {
  const logger = orderedLogger({ releaseId: op.releaseId, operationId: op.id, stepId: null });
  void logger.log("warn", `${why}: moving all traffic to blue`);
  try {
    const driver = await drivers.get(op.releaseId, op.rehearsal);
    const state = await driver.setSplit(0, (level, line) => void logger.log(level, line));
    await recordConfirmedTraffic(workerActor, op, state);
    void logger.log(state.greenPercent === 0 ? "info" : "error", `driver confirms green at ${state.greenPercent} %`);
  } catch (error) {
    const problem = `the driver did not confirm traffic on blue: ${describeError(error)}`;
    void logger.log("error", problem);
    await mutate(workerActor, async ({ tx, audit }) => {
      await tx.operation.update({ where: { id: op.id }, data: { reason: `${why}; ${problem}` } });
      await audit({ releaseId: op.releaseId, action: "operation.abort.traffic_failed", subjectType: "Operation", subjectId: op.id, after: { ...operationFacts(op), reason: problem } });
    });
  } finally {
    await logger.flush();
  }
}

// A step that cannot decide (an inconclusive analysis) pauses the operation
// with its reason; the step goes back to pending and runs again on resume.
async function pauseFromStep(op: LockedOperation, step: StepRow, owner: string, reason: string, details: unknown): Promise<void> {
  const message = `Step ${step.position + 1} (${step.kind}) paused for a person: ${reason}`;
  const paused = await mutate(workerActor, async ({ tx, audit }) => {
    if (!(await lockOwned(tx, op, owner, ["running"]))) return false;
    await tx.operationStep.update({ where: { id: step.id }, data: { status: "pending", error: reason } });
    await tx.operation.update({ where: { id: op.id }, data: { status: "paused", reason: message, version: { increment: 1 } } });
    await audit({ releaseId: op.releaseId, action: "operation.paused", subjectType: "Operation", subjectId: op.id, before: { status: "running" }, after: { ...operationFacts(op), status: "paused", reason: message, step: { id: step.id, position: step.position, kind: step.kind }, details } });
    return true;
  });
  if (paused) await notifySafely(op.releaseId, "operation.needs_attention", { operationId: op.id, kind: op.kind, rehearsal: op.rehearsal, reason: message });
}

async function finishOperation(op: LockedOperation, owner: string): Promise<void> {
  const finished = await mutate(workerActor, async ({ tx, audit }) => {
    if (!(await lockOwned(tx, op, owner, ["running"]))) return false;
    await tx.operation.update({
      where: { id: op.id },
      data: { status: "succeeded", finishedAt: new Date(), reason: null, leaseOwner: null, leaseUntil: null, version: { increment: 1 } },
    });
    await clearActiveOperation(tx, op);
    await audit({ releaseId: op.releaseId, action: "operation.succeeded", subjectType: "Operation", subjectId: op.id, before: { status: "running" }, after: { ...operationFacts(op), status: "succeeded" } });
    // A rehearsal proves the procedure without touching the release.
    const releaseStatus = op.rehearsal ? null : op.kind === "cutover" ? "live" : op.kind === "rollback" ? "rolled_back" : null;
    if (releaseStatus) {
      const before = await tx.release.findUniqueOrThrow({ where: { id: op.releaseId }, select: { status: true } });
      await tx.release.update({ where: { id: op.releaseId }, data: { status: releaseStatus, rowVersion: { increment: 1 } } });
      await audit({ releaseId: op.releaseId, action: "release.status.changed", subjectType: "Release", subjectId: op.releaseId, before: { status: before.status }, after: { status: releaseStatus, operationId: op.id } });
    }
    return true;
  });
  if (finished) await notifySafely(op.releaseId, "operation.succeeded", { operationId: op.id, kind: op.kind, rehearsal: op.rehearsal });
}

export async function clearActiveOperation(tx: Tx, op: Pick<LockedOperation, "id" | "releaseId">): Promise<void> {
  await tx.release.updateMany({ where: { id: op.releaseId, activeOperationId: op.id }, data: { activeOperationId: null } });
}

interface Watch {
  readonly lostLease: boolean;
  // A fresh signal for the step about to run.
  arm(): AbortController;
  disarm(): void;
  stop(): void;
}

// Keeps the lease alive and turns a pause, an abort (from this process's bus
// at once, or from any process by polling) or a shutdown into the running
// step's signal.
function watchOperation(operationId: string, options: RunOptions): Watch {
  let controller: AbortController | null = null;
  let lostLease = false;
  const interrupt = (reason: InterruptReason) => {
    if (controller && !controller.signal.aborted) controller.abort(reason);
  };
  const loseLease = () => {
    lostLease = true;
    interrupt("lease-lost");
  };
  const check = async () => {
    const row = await prisma.operation.findUnique({ where: { id: operationId }, select: { status: true, leaseOwner: true } });
    if (!row || row.leaseOwner !== options.owner) loseLease();
    else if (row.status === "paused") interrupt("paused");
    else if (row.status !== "running" && row.status !== "pending" && row.status !== "scheduled") interrupt("aborted");
  };
  const report = (what: string) => (error: unknown) => console.error(`[launch-control] operation ${operationId}: ${what} failed`, error);
  const poll = setInterval(() => void check().catch(report("status check")), statusPollMs);
  const renew = setInterval(() => {
    void renewLease(operationId, options.owner)
      .then((held) => {
        if (!held) loseLease();
      })
      .catch(report("lease renewal"));
  }, leaseRenewMs);
  const offBus = onReleaseEvent((event) => {
    if ((event.type === "operation.paused" || event.type === "operation.aborted") && isAbout(event.data, operationId)) {
      void check().catch(report("status check"));
    }
  });
  const onShutdown = () => interrupt("shutdown");
  options.shutdown?.addEventListener("abort", onShutdown);

  return {
    get lostLease() {
      return lostLease;
    },
    arm() {
      controller = new AbortController();
      if (options.shutdown?.aborted) controller.abort("shutdown");
      return controller;
    },
    disarm() {
      controller = null;
    },
    stop() {
      clearInterval(poll);
      clearInterval(renew);
      offBus();
      options.shutdown?.removeEventListener("abort", onShutdown);
    },
  };
}

function isAbout(data: unknown, operationId: string): boolean {
  return typeof data === "object" && data !== null && "subjectId" in data && data.subjectId === operationId;
}

// One driver per run and purpose, closed when the run ends.
class DriverCache {
  private pending: Promise<TrafficDriver> | null = null;

  get(releaseId: string, rehearsal: boolean): Promise<TrafficDriver> {
    this.pending ??= driverForRelease(releaseId, rehearsal ? "rehearsal" : "production");
    return this.pending;
  }

  async close(): Promise<void> {
    const driver = await this.pending?.catch(() => null);
    await driver?.close?.();
  }
}

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}
