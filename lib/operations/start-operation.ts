import { mutate, type Actor } from "@/lib/audit/mutate";
import type { AuthUser } from "@/lib/auth/session";
import { prisma, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { getOperationSummary } from "./operation-dto";
import type { OperationSummaryDto, StartOperationInput } from "./operations.validation";
import { gateForKind } from "./operation-state";
import { lockedPreconditions, preconditionError, prepareOperation } from "./preconditions";
import { enqueueOperation } from "./queue";

export interface StartedOperation {
  operation: OperationSummaryDto;
  // False when the idempotency key named an operation that already exists.
  created: boolean;
}

// Starts (or schedules) a cutover, migration or rollback. A repeated
// idempotency key returns the operation it created the first time; two
// different starts at once serialise on the release's row lock, and the
// second finds the first active and is refused with the list of what blocks it.
export interface StartOptions {
  // The system starting a rollback by the release's policy (the rollback
  // guard): the gate is not asked, and the start is recorded as an override
  // of it with this reason, in the same transaction.
  gateOverride?: string;
}

export async function startOperation(actor: Actor, user: AuthUser | null, releaseId: string, input: StartOperationInput, options: StartOptions = {}): Promise<StartedOperation> {
  const existing = await findByKey(prisma, releaseId, input);
  if (existing) return { operation: await getOperationSummary(existing), created: false };

  const needsConfirmation = input.kind === "cutover" || input.kind === "rollback";
  const scheduledAt = input.scheduledAt ? new Date(input.scheduledAt) : null;
  if (scheduledAt && scheduledAt.getTime() <= Date.now()) {
    throw new AppError("VALIDATION_FAILED", "scheduledAt must be in the future; leave it out to start now", [
      { path: ["scheduledAt"], message: "Must be in the future", code: "invalid_value" },
    ]);
  }

  const prepared = await prepareOperation(releaseId, input.kind, input.rehearsal);
  const result = await mutate(actor, async ({ tx, audit }) => {
    const release = await lockRelease(tx, releaseId);
    // The first of two identical requests may have committed while this one
    // waited for the lock.
    const raced = await findByKey(tx, releaseId, input);
    if (raced) return { operationId: raced, created: false };

    if (needsConfirmation && input.confirmVersion !== release.version) {
      throw new AppError("VALIDATION_FAILED", `Type the release's version (${release.version}) to confirm the ${input.kind}`, [
        { path: ["confirmVersion"], message: `Must be ${release.version}`, code: "invalid_value" },
      ]);
    }
    const locked = await lockedPreconditions(tx, release, input.kind, input.rehearsal);
    const missing = [...prepared.missing, ...(options.gateOverride ? locked.filter((m) => m.gate !== gateForKind[input.kind]) : locked)];
    if (missing.length > 0) throw preconditionError(input.kind, missing);

    const operation = await tx.operation.create({
      data: {
        releaseId,
        kind: input.kind,
        status: scheduledAt ? "scheduled" : "pending",
        rehearsal: input.rehearsal,
        idempotencyKey: input.idempotencyKey,
        params: { plan: prepared.plan.map((step) => step.kind) } satisfies Prisma.InputJsonValue,
        scheduledAt,
        requestedById: user?.id ?? null,
        steps: {
          create: prepared.plan.map((step, position) => ({ position, kind: step.kind, params: step.params as Prisma.InputJsonValue })),
        },
      },
      select: { id: true },
    });
    if (options.gateOverride) {
      const key = gateForKind[input.kind];
      const gate = await tx.gate.findUnique({ where: { releaseId_key: { releaseId, key } }, select: { id: true } });
      await audit({ releaseId, action: "gate.overridden", subjectType: "Gate", subjectId: gate?.id ?? key, after: { key, kind: "override", comment: options.gateOverride, by: actor.label, operationId: operation.id } });
    }
    // Rehearsals use their own driver, so they never hold the release.
    if (!input.rehearsal) await tx.release.update({ where: { id: releaseId }, data: { activeOperationId: operation.id } });
    await audit({
      releaseId,
      action: scheduledAt ? "operation.scheduled" : "operation.requested",
      subjectType: "Operation",
      subjectId: operation.id,
      after: {
        kind: input.kind,
        rehearsal: input.rehearsal,
        status: scheduledAt ? "scheduled" : "pending",
        scheduledAt: scheduledAt?.toISOString() ?? null,
        steps: prepared.plan.map((step) => ({ kind: step.kind, ...step.params })),
      },
    });
    return { operationId: operation.id, created: true };
  });

  if (result.created) {
    // The operation is committed either way; a job that cannot be queued now
    // is made up for by the worker's sweep.
    await enqueueOperation(result.operationId, scheduledAt ?? undefined).catch((error: unknown) =>
      console.error(`[launch-control] operation ${result.operationId} saved but not queued; the worker's sweep will start it`, error),
    );
  }
  return { operation: await getOperationSummary(result.operationId), created: result.created };
}

async function findByKey(db: Tx, releaseId: string, input: StartOperationInput): Promise<string | null> {
  const found = await db.operation.findUnique({
    where: { releaseId_idempotencyKey: { releaseId, idempotencyKey: input.idempotencyKey } },
    select: { id: true, kind: true, rehearsal: true },
  });
  if (!found) return null;
  if (found.kind !== input.kind || found.rehearsal !== input.rehearsal) {
    throw new AppError("CONFLICT", `This idempotency key was already used for a ${found.rehearsal ? "rehearsal " : ""}${found.kind}; use a new key for a different operation`, {
      operationId: found.id,
    });
  }
  return found.id;
}

interface LockedRelease {
  id: string;
  version: string;
  status: string;
  activeOperationId: string | null;
}

async function lockRelease(tx: Tx, releaseId: string): Promise<LockedRelease> {
  const rows = await tx.$queryRaw<LockedRelease[]>`
    SELECT "id", "version", "status"::text AS "status", "activeOperationId" FROM "Release" WHERE "id" = ${releaseId}::uuid FOR UPDATE`;
  const release = rows[0];
  if (!release) throw new AppError("NOT_FOUND", "Release not found");
  return release;
}
