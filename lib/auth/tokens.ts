import { createHash, randomBytes } from "node:crypto";
import { mutate, type Actor } from "@/lib/audit/mutate";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Role } from "./permissions";
import type { AuthUser } from "./session";
import type { ApiTokenDto, CreateTokenInput } from "./tokens.validation";

const tokenPrefix = "lc_";
// lastUsedAt is informational; writing it on every request would make each
// API call a write, so it is refreshed at most once a minute.
const lastUsedResolutionMs = 60_000;

const tokenSelect = {
  id: true,
  name: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
  revokedAt: true,
} as const;

interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

export async function createApiToken(
  actor: Actor,
  userId: string,
  input: CreateTokenInput,
): Promise<{ token: ApiTokenDto; secret: string }> {
  const secret = tokenPrefix + randomBytes(32).toString("base64url");
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  const row = await mutate(actor, async ({ tx, audit }) => {
    const created = await tx.apiToken.create({
      data: { userId, name: input.name, tokenHash: hashToken(secret), prefix: secret.slice(0, 10), expiresAt },
      select: tokenSelect,
    });
    await audit({
      releaseId: null,
      action: "token.created",
      subjectType: "ApiToken",
      subjectId: created.id,
      after: { name: created.name, prefix: created.prefix, ownerId: userId, expiresAt },
    });
    return created;
  });
  return { token: toTokenDto(row), secret };
}

export async function listApiTokens(userId: string): Promise<ApiTokenDto[]> {
  const rows = await prisma.apiToken.findMany({ where: { userId }, select: tokenSelect, orderBy: { createdAt: "desc" } });
  return rows.map(toTokenDto);
}

// `ownerId` limits the revocation to the caller's own tokens; the CLI, acting
// for the operator, may revoke any token.
export async function revokeApiToken(actor: Actor, tokenId: string, ownerId: string | null): Promise<ApiTokenDto> {
  return mutate(actor, async ({ tx, audit }) => {
    const existing = await tx.apiToken.findFirst({
      where: { id: tokenId, ...(ownerId ? { userId: ownerId } : {}) },
      select: { ...tokenSelect, userId: true },
    });
    if (!existing) throw new AppError("NOT_FOUND", "Token not found");
    if (existing.revokedAt) return toTokenDto(existing);
    const revoked = await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() }, select: tokenSelect });
    await audit({
      releaseId: null,
      action: "token.revoked",
      subjectType: "ApiToken",
      subjectId: tokenId,
      before: { revokedAt: null },
      after: { revokedAt: revoked.revokedAt, ownerId: existing.userId },
    });
    return toTokenDto(revoked);
  });
}

// One query per API request: the token and its owner together. Revocation,
// expiry, deactivation and role changes apply to the very next request.
export async function authenticateBearer(secret: string): Promise<AuthUser | null> {
  if (!secret.startsWith(tokenPrefix)) return null;
  const rows = await prisma.$queryRaw<{ tokenId: string; lastUsedAt: Date | null; id: string; email: string; name: string; role: Role }[]>`
    SELECT t."id" AS "tokenId", t."lastUsedAt", u."id", u."email", u."name", u."role"::text AS "role"
    FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId"
    WHERE t."tokenHash" = ${hashToken(secret)} AND t."revokedAt" IS NULL
      AND (t."expiresAt" IS NULL OR t."expiresAt" > now()) AND u."active"`;
  const row = rows[0];
  if (!row) return null;
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= lastUsedResolutionMs) {
    await prisma.apiToken.updateMany({
      where: {
        id: row.tokenId,
        OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - lastUsedResolutionMs) } }],
      },
      data: { lastUsedAt: now },
    });
  }
  return { id: row.id, email: row.email, name: row.name, role: row.role, via: "token" };
}

function hashToken(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

function toTokenDto(row: TokenRow): ApiTokenDto {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
