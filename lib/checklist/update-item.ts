import { mutate, type Actor } from "@/lib/audit/mutate";
import { can } from "@/lib/auth/permissions";
import type { AuthUser } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
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
    // The row lock taken here is held to commit: what this transaction read
    // is what it overwrites, and a concurrent writer waits, then sees the new
    // version and gets its 409.
    const current = await lockItem(tx, releaseId, itemId);
    if (current.version !== input.version) throw conflict(current);
    const assignee = input.assigneeId ? await activeAssignee(tx, input.assigneeId) : undefined;

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
    if (Object.keys(after).length === 0) return toItemDto(current);

    const now = new Date();
    const completedAt = input.status === undefined || input.status === current.status ? undefined : input.status === "done" ? now : null;
    const dueAt = input.dueAt === undefined ? undefined : input.dueAt === null ? null : new Date(input.dueAt);
    const { count } = await tx.checklistItem.updateMany({
      where: { id: itemId, releaseId, version: input.version },
      data: {
        status: input.status,
        note: input.note,
        evidenceUrl: input.evidenceUrl,
        assigneeId: input.assigneeId,
        dueAt,
        requiredForGoLive: input.requiredForGoLive,
        completedAt,
        updatedById: user.id,
        updatedAt: now,
        version: { increment: 1 },
      },
    });
    // Unreachable while the lock holds; kept so a change to the locking can
    // only ever produce a 409, never a lost update.
    if (count === 0) throw conflict(await lockItem(tx, releaseId, itemId));

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

interface LockedItemRow {
  id: string;
  sectionId: string;
  key: string;
  position: number;
  titleKo: string;
  titleEn: string;
  status: ItemRow["status"];
  requiredForGoLive: boolean;
  dueAt: Date | null;
  evidenceUrl: string | null;
  note: string | null;
  completedAt: Date | null;
  updatedAt: Date;
  version: number;
  assigneeId: string | null;
  assigneeName: string | null;
  assigneeEmail: string | null;
  updatedById: string | null;
  updatedByName: string | null;
}

// The item with its assignee and last editor in one round trip, locked.
async function lockItem(tx: Tx, releaseId: string, itemId: string): Promise<ItemRow> {
  const rows = await tx.$queryRaw<LockedItemRow[]>`
    SELECT i."id", i."sectionId", i."key", i."position", i."titleKo", i."titleEn", i."status"::text AS "status",
           i."requiredForGoLive", i."dueAt", i."evidenceUrl", i."note", i."completedAt", i."updatedAt", i."version",
           a."id" AS "assigneeId", a."name" AS "assigneeName", a."email" AS "assigneeEmail",
           b."id" AS "updatedById", b."name" AS "updatedByName"
    FROM "ChecklistItem" i
    LEFT JOIN "User" a ON a."id" = i."assigneeId"
    LEFT JOIN "User" b ON b."id" = i."updatedById"
    WHERE i."id" = ${itemId}::uuid AND i."releaseId" = ${releaseId}::uuid
    FOR UPDATE OF i`;
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "Checklist item not found in this release");
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
