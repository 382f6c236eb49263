import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

// A person named in a plan (team member, on-call, risk owner) must be able to
// sign in; `path` points the 400 at the field that named them.
export async function assertActiveUsers(tx: Tx, userIds: readonly string[], path: (index: number) => (string | number)[]): Promise<void> {
  if (userIds.length === 0) return;
  const found = await tx.user.findMany({ where: { id: { in: [...userIds] }, active: true }, select: { id: true } });
  const active = new Set(found.map((user) => user.id));
  const problems = userIds
    .map((id, index) => ({ id, index }))
    .filter(({ id }) => !active.has(id))
    .map(({ index }) => ({ path: path(index), message: "Unknown or inactive user", code: "invalid_value" }));
  if (problems.length > 0) throw new AppError("VALIDATION_FAILED", "Every person named must be an active user", problems);
}
