import { z } from "zod";
import type { Actor } from "@/lib/audit/record-event";
import { createApiToken, revokeApiToken } from "@/lib/auth/tokens";
import { createTokenBody } from "@/lib/auth/tokens.validation";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { validationError } from "@/lib/http/respond";
import { createUser, resetUser } from "@/lib/users/create-user";
import { createUserBody } from "@/lib/users/users.validation";

export const cliActor: Actor = { userId: null, label: "cli", via: "cli" };

export type Flags = Record<string, string | boolean | undefined>;

export class UsageError extends Error {}

export interface Io {
  out(line: string): void;
  readStdin(): Promise<string>;
}

export async function userCreate(flags: Flags, io: Io): Promise<void> {
  if (flags["password-stdin"] !== true) throw new UsageError("user create needs --password-stdin (the password is read from standard input)");
  const email = stringFlag(flags, "email");
  const password = (await io.readStdin()).replace(/\r?\n$/, "");
  const parsed = parse(createUserBody, {
    email,
    role: stringFlag(flags, "role"),
    name: optionalString(flags, "name") ?? email.split("@")[0],
    password,
  });
  const existing = await prisma.user.findUnique({ where: { email: parsed.email }, select: { id: true } });
  if (existing && flags.update !== true) {
    throw new AppError("CONFLICT", `A user with email ${parsed.email} already exists; add --update to reset their password and role`);
  }
  const user = existing
    ? await resetUser(cliActor, parsed.email, { password, role: parsed.role, name: optionalString(flags, "name") })
    : await createUser(cliActor, parsed);
  io.out(user.id);
}

export async function userList(_flags: Flags, io: Io): Promise<void> {
  const users = await prisma.user.findMany({ orderBy: { email: "asc" }, select: { id: true, email: true, role: true, active: true } });
  for (const user of users) io.out([user.id, user.email, user.role, user.active ? "active" : "inactive"].join("\t"));
}

// The secret goes alone on the last line so scripts can take `tail -n 1`.
export async function tokenCreate(flags: Flags, io: Io): Promise<void> {
  const email = stringFlag(flags, "email").toLowerCase();
  const days = optionalString(flags, "expires-days");
  const input = parse(createTokenBody, { name: stringFlag(flags, "name"), expiresInDays: days === undefined ? undefined : Number(days) });
  const owner = await prisma.user.findUnique({ where: { email }, select: { id: true, active: true } });
  if (!owner) throw new AppError("NOT_FOUND", `No user with email ${email}`);
  if (!owner.active) throw new AppError("CONFLICT", `User ${email} is deactivated`);
  const { token, secret } = await createApiToken(cliActor, owner.id, input);
  io.out(`Created token ${token.id} (${token.name})${token.expiresAt ? `, expires ${token.expiresAt}` : ""}`);
  io.out(secret);
}

export async function tokenRevoke(flags: Flags, io: Io): Promise<void> {
  const id = parse(z.uuid(), stringFlag(flags, "id"));
  const token = await revokeApiToken(cliActor, id, null);
  io.out(`Revoked token ${token.id} (${token.name})`);
}

function stringFlag(flags: Flags, name: string): string {
  const value = flags[name];
  if (typeof value !== "string" || value === "") throw new UsageError(`--${name} is required`);
  return value;
}

function optionalString(flags: Flags, name: string): string | undefined {
  const value = flags[name];
  return typeof value === "string" ? value : undefined;
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error, "arguments");
  return result.data;
}
