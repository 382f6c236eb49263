import { mutate, type Actor } from "@/lib/audit/mutate";
import { can } from "@/lib/auth/permissions";
import type { AuthUser } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { itemSatisfiesGate } from "@/lib/gates/gate-state";
import { reopenGatesForItem } from "@/lib/gates/reopen-gates";
import type { ChecklistItemDto, UpdateItemInput } from "./checklist.validation";
import { toItemDto, type ItemRow } from "./item-dto";

type Field = "status" | "note" | "evidenceUrl" | "assigneeId" | "dueAt" | "requiredForGoLive";
const fields: readonly Field[] = ["status", "note", "evidenceUrl", "assigneeId", "dueAt", "requiredForGoLive"];

// Optimistic concurrency: the write only applies while the row still has the
// version the client saw. Concurrent writers with the same version queue on
// the row lock; after the first commits the others match no row and get 409.
export async function updateChecklistItem(
  actor: Actor,
  user: AuthUser,
  releaseId: string,
  itemId: string,
  input: UpdateItemInput,
): Promise<ChecklistItemDto> {
  if (input.requiredForGoLive !== undefined && !can(user.role, "checklist.configure")) {
    throw new AppError("FORBIDDEN", "Your role cannot change which items are required for go-live", {
      permission: "checklist.configure",
    });
  }
  return mutate(actor, async ({ tx, audit }) => {
    const assignee = input.assigneeId ? await activeAssignee(tx, input.assigneeId) : undefined;
    const now = new Date();
    // One round trip for the usual case: the row is locked, its version
    // checked and the change written by one statement, which answers with the
    // row as it was. No row means a stale version, no change or no item;
    // reading it (locked) tells which.
    const written = await writeItem(tx, releaseId, itemId, input, user.id, now);
    const current = written ?? (await lockItem(tx, releaseId, itemId));
    if (!written && current.version !== input.version) throw conflict(current);

    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const field of fields) {
      // Times compare as instants, whatever offset the client wrote them in.
      const next = field === "dueAt" && input.dueAt ? new Date(input.dueAt).toISOString() : input[field];
      const previous = currentValue(current, field);
      if (next === undefined || next === previous) continue;
      before[field] = previous;
      after[field] = next;
    }
    if (!written) return toItemDto(current);

    const completedAt = input.status === undefined || input.status === current.status ? undefined : input.status === "done" ? now : null;
    const dueAt = input.dueAt === undefined ? undefined : input.dueAt === null ? null : new Date(input.dueAt);
    // The row as written, without reading it back: every column this update
    // touched is known here, and the lock kept the others as read.
    const updated: ItemRow = {
      ...current,
      status: input.status ?? current.status,
      note: input.note === undefined ? current.note : input.note,
      evidenceUrl: input.evidenceUrl === undefined ? current.evidenceUrl : input.evidenceUrl,
      assignee: input.assigneeId === undefined ? current.assignee : (assignee ?? null),
      dueAt: dueAt === undefined ? current.dueAt : dueAt,
      requiredForGoLive: input.requiredForGoLive ?? current.requiredForGoLive,
      completedAt: completedAt === undefined ? current.completedAt : completedAt,
      updatedAt: now,
      updatedBy: { id: user.id, name: user.name },
      version: current.version + 1,
    };
    before.version = current.version;
    after.version = updated.version;
    if (completedAt !== undefined) {
      before.completedAt = current.completedAt?.toISOString() ?? null;
      after.completedAt = updated.completedAt?.toISOString() ?? null;
    }
    const item = toItemDto(updated);
    await audit({ releaseId, action: "checklist.item.updated", subjectType: "ChecklistItem", subjectId: itemId, before, after, live: { item } });
    // In the same transaction: an approval must never outlive the item it rested on.
    if (itemSatisfiesGate(current.status) && !itemSatisfiesGate(updated.status)) {
      await reopenGatesForItem(tx, audit, releaseId, updated.key);
    }
    return item;
  });
}

// Locks the item, and when its version is the one the client saw and the
// input changes something, writes the input; returns the row as it was before
// the write, or null when nothing was written. The subquery's FOR UPDATE
// makes a concurrent writer wait and then see the committed version; `old`
// is the row as locked, `i` the row being written (the same version).
async function writeItem(tx: Tx, releaseId: string, itemId: string, input: UpdateItemInput, userId: string, now: Date): Promise<ItemRow | null> {
  const sets: Prisma.Sql[] = [];
  const changes: Prisma.Sql[] = [];
  const assign = (column: string, value: Prisma.Sql) => {
    sets.push(Prisma.sql`${Prisma.raw(`"${column}"`)} = ${value}`);
    changes.push(Prisma.sql`i.${Prisma.raw(`"${column}"`)} IS DISTINCT FROM ${value}`);
  };
  if (input.status !== undefined) {
    const status = Prisma.sql`${input.status}::"ChecklistStatus"`;
    assign("status", status);
    // Stamped when the item becomes done, cleared when it leaves done.
    sets.push(Prisma.sql`"completedAt" = CASE WHEN i."status" = ${status} THEN i."completedAt" WHEN ${status} = 'done' THEN ${now.toISOString()}::timestamptz ELSE NULL END`);
  }
  if (input.note !== undefined) assign("note", Prisma.sql`${input.note}::text`);
  if (input.evidenceUrl !== undefined) assign("evidenceUrl", Prisma.sql`${input.evidenceUrl}::text`);
  if (input.assigneeId !== undefined) assign("assigneeId", Prisma.sql`${input.assigneeId}::uuid`);
  if (input.dueAt !== undefined) assign("dueAt", Prisma.sql`${input.dueAt === null ? null : new Date(input.dueAt).toISOString()}::timestamptz`);
  if (input.requiredForGoLive !== undefined) assign("requiredForGoLive", Prisma.sql`${input.requiredForGoLive}::boolean`);
  if (sets.length === 0) return null;
  const rows = await tx.$queryRaw<LockedItemRow[]>`
    UPDATE "ChecklistItem" AS i
    SET ${Prisma.join(sets, ", ")}, "updatedById" = ${userId}::uuid, "updatedAt" = ${now.toISOString()}::timestamptz, "version" = i."version" + 1
    FROM (${lockedItemQuery(releaseId, itemId)}) AS old
    WHERE i."id" = old."id" AND i."version" = ${input.version}::int AND (${Prisma.join(changes, " OR ")})
    RETURNING old.*`;
  const row = rows[0];
  return row ? toItemRow(row) : null;
}

// An item row with its assignee and last editor flattened into columns.
type LockedItemRow = Omit<ItemRow, "assignee" | "updatedBy"> & {
  assigneeId: string | null;
  assigneeName: string | null;
  assigneeEmail: string | null;
  updatedById: string | null;
  updatedByName: string | null;
};

// The item with its assignee and last editor, locked until commit.
function lockedItemQuery(releaseId: string, itemId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT i."id", i."sectionId", i."key", i."position", i."titleKo", i."titleEn", i."status"::text AS "status",
           i."requiredForGoLive", i."dueAt", i."evidenceUrl", i."note", i."completedAt", i."updatedAt", i."version",
           a."id" AS "assigneeId", a."name" AS "assigneeName", a."email" AS "assigneeEmail",
           b."id" AS "updatedById", b."name" AS "updatedByName"
    FROM "ChecklistItem" i
    LEFT JOIN "User" a ON a."id" = i."assigneeId"
    LEFT JOIN "User" b ON b."id" = i."updatedById"
    WHERE i."id" = ${itemId}::uuid AND i."releaseId" = ${releaseId}::uuid
    FOR UPDATE OF i`;
}

async function lockItem(tx: Tx, releaseId: string, itemId: string): Promise<ItemRow> {
  const rows = await tx.$queryRaw<LockedItemRow[]>`${lockedItemQuery(releaseId, itemId)}`;
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "Checklist item not found in this release");
  return toItemRow(row);
}

function toItemRow(row: LockedItemRow): ItemRow {
  const { assigneeId, assigneeName, assigneeEmail, updatedById, updatedByName, ...item } = row;
  return {
    ...item,
    assignee: assigneeId ? { id: assigneeId, name: assigneeName ?? "", email: assigneeEmail ?? "" } : null,
    updatedBy: updatedById ? { id: updatedById, name: updatedByName ?? "" } : null,
  };
}

function currentValue(item: ItemRow, field: Field): string | boolean | null {
  switch (field) {
    case "assigneeId":
      return item.assignee?.id ?? null;
    case "dueAt":
      return item.dueAt?.toISOString() ?? null;
    default:
      return item[field];
  }
}

async function activeAssignee(tx: Tx, userId: string): Promise<{ id: string; name: string; email: string }> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, active: true } });
  if (!user?.active) {
    throw new AppError("VALIDATION_FAILED", "The assignee must be an active user", [
      { path: ["assigneeId"], message: "Unknown or inactive user", code: "invalid_value" },
    ]);
  }
  return { id: user.id, name: user.name, email: user.email };
}

function conflict(current: ItemRow): AppError {
  return new AppError("VERSION_CONFLICT", "Someone else changed this item; review the current state and try again", {
    current: toItemDto(current),
  });
}
