import type { Actor } from "@/lib/audit/record-event";
import { mutate } from "@/lib/audit/mutate";
import { prisma, type Tx } from "@/lib/db/client";
import type { OperationKind, OperationStatus } from "@/lib/db/generated/enums";
import type { TrafficState } from "@/lib/drivers/types";
import { AppError } from "@/lib/errors";
import type { NotificationEvent } from "@/lib/notifications/config";
import type { NotificationPayload } from "@/lib/notifications/messages";
import { notify } from "@/lib/notifications/notify";

// Shared by the engine, the control actions and the recovery sweep.

export const workerActor: Actor = { userId: null, label: "operations worker", via: "system" };

// An operation in one of these holds the release (Release.activeOperationId
// for real runs): another cannot start until it ends.
export const activeStatuses = ["scheduled", "pending", "running", "paused", "needs_attention"] as const satisfies readonly OperationStatus[];
export const finishedStatuses = ["succeeded", "failed", "aborted", "cancelled"] as const satisfies readonly OperationStatus[];

export function isFinished(status: OperationStatus): boolean {
  return (finishedStatuses as readonly OperationStatus[]).includes(status);
}

// Operations that move traffic; a migration leaves the split alone.
export function movesTraffic(kind: OperationKind): boolean {
  return kind === "cutover" || kind === "rollback";
}

export const gateForKind: Record<OperationKind, string> = { cutover: "go_no_go", migration: "migration", rollback: "rollback" };

export interface LockedOperation {
  id: string;
  releaseId: string;
  kind: OperationKind;
  status: OperationStatus;
  rehearsal: boolean;
  leaseOwner: string | null;
  startedAt: Date | null;
  currentStep: number;
}

// Row-locks the operation for the rest of the transaction, so a status
// change (pause, abort, the worker's next step) sees the one before it.
export async function lockOperation(tx: Tx, operationId: string, releaseId?: string): Promise<LockedOperation | null> {
  const rows = await tx.$queryRaw<LockedOperation[]>`
    SELECT "id", "releaseId", "kind", "status", "rehearsal", "leaseOwner", "startedAt", "currentStep"
      FROM "Operation" WHERE "id" = ${operationId}::uuid FOR UPDATE`;
  const row = rows[0];
  if (!row || (releaseId !== undefined && row.releaseId !== releaseId)) return null;
  return row;
}

export async function lockOperationOrThrow(tx: Tx, releaseId: string, operationId: string): Promise<LockedOperation> {
  const row = await lockOperation(tx, operationId, releaseId);
  if (!row) throw new AppError("NOT_FOUND", "Operation not found in this release");
  return row;
}

// What every audit event about an operation carries, so a rehearsal is
// recognisable as one everywhere it shows up.
export function operationFacts(op: Pick<LockedOperation, "kind" | "rehearsal">): { kind: OperationKind; rehearsal: boolean } {
  return { kind: op.kind, rehearsal: op.rehearsal };
}

// The driver's report becomes the operation's confirmed split, whoever read
// it: this is what the UI shows and what a recovery compares against.
export async function recordConfirmedTraffic(actor: Actor, op: Pick<LockedOperation, "id" | "releaseId" | "kind" | "rehearsal">, state: TrafficState): Promise<void> {
  await mutate(actor, async ({ tx, audit }) => {
    await tx.operation.update({ where: { id: op.id }, data: { confirmedGreen: state.greenPercent } });
    await audit({
      releaseId: op.releaseId,
      action: "operation.traffic.confirmed",
      subjectType: "Operation",
      subjectId: op.id,
      after: { ...operationFacts(op), confirmedGreen: state.greenPercent, weights: state.weights },
    });
  });
}

// Notices about operations go out through the release's channels; a notice
// that cannot be queued is logged and never stops or fails the operation.
export async function notifySafely(releaseId: string, event: NotificationEvent, payload: NotificationPayload): Promise<void> {
  try {
    await prisma.$transaction((tx) => notify(tx, releaseId, event, payload));
  } catch (error) {
    console.error(`[launch-control] notification "${event}" for release ${releaseId} could not be queued`, error);
  }
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
