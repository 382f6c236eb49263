import { mutate, type Actor } from "@/lib/audit/mutate";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { adminUserSelect, toAdminUser } from "./user-dto";
import type { AdminUser, UpdateUserInput } from "./users.validation";

export async function updateUser(actor: Actor, userId: string, input: UpdateUserInput): Promise<AdminUser> {
  return mutate(actor, async ({ tx, audit }) => {
    const current = await readUser(tx, userId);
    if (current.version !== input.version) {
      throw new AppError("VERSION_CONFLICT", "Someone else changed this user; review and try again", { current });
    }
    const losesAdmin = current.role === "ADMIN" && current.active && ((input.role !== undefined && input.role !== "ADMIN") || input.active === false);
    if (losesAdmin) await assertAnotherActiveAdmin(tx, userId);

    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const field of ["role", "active", "name"] as const) {
      if (input[field] === undefined || input[field] === current[field]) continue;
      before[field] = current[field];
      after[field] = input[field];
    }
    if (Object.keys(after).length === 0) return current;

    const { count } = await tx.user.updateMany({
      where: { id: userId, version: input.version },
      data: { role: input.role, active: input.active, name: input.name, version: { increment: 1 } },
    });
    if (count === 0) {
      throw new AppError("VERSION_CONFLICT", "Someone else changed this user; review and try again", { current: await readUser(tx, userId) });
    }
    const updated = await readUser(tx, userId);
    await audit({ releaseId: null, action: "user.updated", subjectType: "User", subjectId: userId, before, after });
    return updated;
  });
}

async function readUser(tx: Tx, userId: string): Promise<AdminUser> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: adminUserSelect });
  if (!user) throw new AppError("NOT_FOUND", "User not found");
  return toAdminUser(user);
}

// Locks every active admin row first, so two admins demoting each other at
// the same moment cannot both pass the check and leave nobody in charge.
async function assertAnotherActiveAdmin(tx: Tx, userId: string): Promise<void> {
  const admins = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id"::text AS "id" FROM "User" WHERE "role" = 'ADMIN' AND "active" ORDER BY "id" FOR UPDATE`;
  if (!admins.some((admin) => admin.id !== userId)) {
    throw new AppError("CONFLICT", "This is the last active admin; make someone else an admin first");
  }
}
