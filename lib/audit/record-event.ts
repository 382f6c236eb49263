import type { Tx } from "@/lib/db/client";
import type { ReleaseEvent } from "@/lib/events/bus";
import { AppError } from "@/lib/errors";

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
// record commit or roll back together. For release events the same statement
// takes the next per-release sequence number (one round trip on the hottest
// path, a checklist tick); the row lock on the release orders concurrent
// writers. Returns the live event to publish after commit.
export async function recordEvent(tx: Tx, actor: Actor, input: AuditInput): Promise<ReleaseEvent | null> {
  const at = new Date();
  // Without a release the UPDATE matches nothing and seq stays NULL.
  const rows = await tx.$queryRaw<{ id: bigint; seq: number | null }[]>`
    WITH next AS (
      UPDATE "Release" SET "eventSeq" = "eventSeq" + 1 WHERE "id" = ${input.releaseId}::uuid RETURNING "eventSeq"
    )
    INSERT INTO "AuditEvent" ("releaseId", "seq", "actorId", "actorLabel", "via", "action", "subjectType", "subjectId", "before", "after", "createdAt")
    VALUES (${input.releaseId}::uuid, (SELECT "eventSeq" FROM next), ${actor.userId}::uuid, ${actor.label}, ${actor.via}, ${input.action},
            ${input.subjectType}, ${input.subjectId}, ${toJson(input.before)}::jsonb, ${toJson(input.after)}::jsonb, ${at.toISOString()}::timestamptz)
    RETURNING "id", "seq"`;
  if (!input.releaseId) return null;
  const row = rows[0];
  if (!row || row.seq === null) throw new AppError("NOT_FOUND", "Release not found");
  return {
    releaseId: input.releaseId,
    seq: row.seq,
    type: input.action,
    data: {
      auditId: row.id.toString(),
      at: at.toISOString(),
      actor: { id: actor.userId, label: actor.label },
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      after: input.after ?? null,
      ...input.live,
    },
  };
}

// JSON text for a jsonb parameter; undefined and null store SQL NULL, as the
// Prisma client did for an omitted Json? field.
function toJson(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value);
}
