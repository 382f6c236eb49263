import { mutate, type Actor } from "@/lib/audit/mutate";
import { can } from "@/lib/auth/permissions";
import type { AuthUser } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { itemSatisfiesGate } from "@/lib/gates/gate-state";
import { reopenGatesForItem } from "@/lib/gates/reopen-gates";
import type { ChecklistItemDto, UpdateItemInput } from "./checklist.validation";
import { itemSelect, toItemDto, type ItemRow } from "./item-dto";

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
    const current = await readItem(tx, releaseId, itemId);
    if (current.version !== input.version) throw conflict(current);
    if (input.assigneeId) await assertActiveUser(tx, input.assigneeId);

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

    const completedAt = input.status === undefined || input.status === current.status ? undefined : input.status === "done" ? new Date() : null;
    const { count } = await tx.checklistItem.updateMany({
      where: { id: itemId, releaseId, version: input.version },
      data: {
        status: input.status,
        note: input.note,
        evidenceUrl: input.evidenceUrl,
        assigneeId: input.assigneeId,
        dueAt: input.dueAt === undefined ? undefined : input.dueAt === null ? null : new Date(input.dueAt),
        requiredForGoLive: input.requiredForGoLive,
        completedAt,
        updatedById: user.id,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw conflict(await readItem(tx, releaseId, itemId));

    const updated = await readItem(tx, releaseId, itemId);
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

async function readItem(tx: Tx, releaseId: string, itemId: string): Promise<ItemRow> {
  const item = await tx.checklistItem.findFirst({ where: { id: itemId, releaseId }, select: itemSelect });
  if (!item) throw new AppError("NOT_FOUND", "Checklist item not found in this release");
  return item;
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

async function assertActiveUser(tx: Tx, userId: string): Promise<void> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { active: true } });
  if (!user?.active) {
    throw new AppError("VALIDATION_FAILED", "The assignee must be an active user", [
      { path: ["assigneeId"], message: "Unknown or inactive user", code: "invalid_value" },
    ]);
  }
}

function conflict(current: ItemRow): AppError {
  return new AppError("VERSION_CONFLICT", "Someone else changed this item; review the current state and try again", {
    current: toItemDto(current),
  });
}
