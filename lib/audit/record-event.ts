import type { Tx } from "@/lib/db/client";
import type { ReleaseEvent } from "@/lib/events/bus";
import type { Prisma } from "@/lib/db/generated/client";

export interface Actor {
  userId: string | null;
  label: string;
  via: "ui" | "api" | "cli" | "system";
}

export interface AuditInput {
  releaseId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  before?: unknown;
  after?: unknown;
  // Extra fields for the live event only (not stored), e.g. `{ item }` with the
  // full updated row, so viewers can apply the change without a refetch.
  live?: Record<string, unknown>;
}

// Writes the audit row inside the caller's transaction, so the change and its
// record commit or roll back together. For release events it also takes the
// next per-release sequence number; the row lock on the release orders
// concurrent writers. Returns the live event to publish after commit.
export async function recordEvent(tx: Tx, actor: Actor, input: AuditInput): Promise<ReleaseEvent | null> {
  let seq: number | null = null;
  if (input.releaseId) {
    const rows = await tx.$queryRaw<{ eventSeq: number }[]>`
      UPDATE "Release" SET "eventSeq" = "eventSeq" + 1 WHERE "id" = ${input.releaseId}::uuid RETURNING "eventSeq"`;
    seq = rows[0]?.eventSeq ?? null;
  }
  const event = await tx.auditEvent.create({
    data: {
      releaseId: input.releaseId,
      seq,
      actorId: actor.userId,
      actorLabel: actor.label,
      via: actor.via,
      action: input.action,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      before: toJson(input.before),
      after: toJson(input.after),
    },
    select: { id: true, createdAt: true },
  });
  if (!input.releaseId || seq === null) return null;
  return {
    releaseId: input.releaseId,
    seq,
    type: input.action,
    data: {
      auditId: event.id.toString(),
      at: event.createdAt.toISOString(),
      actor: { id: actor.userId, label: actor.label },
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      after: input.after ?? null,
      ...input.live,
    },
  };
}

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}
