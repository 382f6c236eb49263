import { mutate, type Actor } from "@/lib/audit/mutate";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { adminUserSelect, toAdminUser } from "./user-dto";
import type { AdminUser, CreateUserInput } from "./users.validation";

export async function createUser(actor: Actor, input: CreateUserInput): Promise<AdminUser> {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return mutate(actor, async ({ tx, audit }) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing) throw new AppError("CONFLICT", "A user with this email already exists", { field: "email" });
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, role: input.role, passwordHash },
      select: adminUserSelect,
    });
    await audit({
      releaseId: null,
      action: "user.created",
      subjectType: "User",
      subjectId: user.id,
      after: { email: user.email, name: user.name, role: user.role, active: user.active },
    });
    return toAdminUser(user);
  });
}

// For the operator's CLI: reset a password (and optionally role and name)
// of an existing account, e.g. to recover the first admin.
export async function resetUser(
  actor: Actor,
  email: string,
  input: { password: string; role?: CreateUserInput["role"]; name?: string },
): Promise<AdminUser> {
  const passwordHash = await hashPassword(input.password);
  return mutate(actor, async ({ tx, audit }) => {
    const existing = await tx.user.findUnique({ where: { email: email.toLowerCase() }, select: adminUserSelect });
    if (!existing) throw new AppError("NOT_FOUND", `No user with email ${email}`);
    const user = await tx.user.update({
      where: { id: existing.id },
      data: { passwordHash, role: input.role, name: input.name, active: true, version: { increment: 1 } },
      select: adminUserSelect,
    });
    await audit({
      releaseId: null,
      action: "user.updated",
      subjectType: "User",
      subjectId: user.id,
      before: { role: existing.role, name: existing.name, active: existing.active, password: "(previous)" },
      after: { role: user.role, name: user.name, active: user.active, password: "(reset)" },
    });
    return toAdminUser(user);
  });
}
