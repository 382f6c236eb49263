import { createHash, randomBytes } from "node:crypto";
import { mutate, type Actor } from "@/lib/audit/mutate";
import { can } from "@/lib/auth/permissions";
import { loadActiveUser } from "@/lib/auth/load-user";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { CalendarFeedDto } from "./calendar.validation";

const feedPrefix = "lcf_";
const feedSelect = { id: true, releaseId: true, createdAt: true, revokedAt: true } as const;

// A per-user secret feed URL: calendar apps cannot sign in, so the URL is the
// credential. Only its SHA-256 is stored; it acts with its owner's current
// role and stops working when revoked or when the owner is deactivated.
export async function createCalendarFeed(actor: Actor, userId: string, releaseId: string): Promise<{ feed: CalendarFeedDto; secret: string }> {
  const secret = feedPrefix + randomBytes(32).toString("base64url");
  const feed = await mutate(actor, async ({ tx, audit }) => {
    const release = await tx.release.findUnique({ where: { id: releaseId }, select: { id: true } });
    if (!release) throw new AppError("NOT_FOUND", "Release not found");
    const row = await tx.calendarFeedToken.create({ data: { userId, releaseId, tokenHash: hashFeedToken(secret) }, select: feedSelect });
    await audit({ releaseId: null, action: "calendar_feed.created", subjectType: "CalendarFeedToken", subjectId: row.id, after: { ownerId: userId, releaseId } });
    return row;
  });
  return { feed: toFeedDto(feed), secret };
}

export async function listCalendarFeeds(userId: string, releaseId?: string): Promise<CalendarFeedDto[]> {
  const rows = await prisma.calendarFeedToken.findMany({
    where: { userId, ...(releaseId ? { releaseId } : {}) },
    select: feedSelect,
    orderBy: { createdAt: "desc" },
  });
  return rows.map(toFeedDto);
}

export async function revokeCalendarFeed(actor: Actor, userId: string, feedId: string): Promise<CalendarFeedDto> {
  return mutate(actor, async ({ tx, audit }) => {
    const existing = await tx.calendarFeedToken.findFirst({ where: { id: feedId, userId }, select: feedSelect });
    if (!existing) throw new AppError("NOT_FOUND", "Calendar feed not found");
    if (existing.revokedAt) return toFeedDto(existing);
    const revoked = await tx.calendarFeedToken.update({ where: { id: feedId }, data: { revokedAt: new Date() }, select: feedSelect });
    await audit({ releaseId: null, action: "calendar_feed.revoked", subjectType: "CalendarFeedToken", subjectId: feedId, before: { revokedAt: null }, after: { revokedAt: revoked.revokedAt } });
    return toFeedDto(revoked);
  });
}

// The release a feed token may read, or 404 for anything unknown, revoked or
// whose owner can no longer read releases (no hint which).
export async function resolveCalendarFeed(secret: string): Promise<{ releaseId: string }> {
  const row = await prisma.calendarFeedToken.findUnique({ where: { tokenHash: hashFeedToken(secret) }, select: { userId: true, releaseId: true, revokedAt: true } });
  const notFound = new AppError("NOT_FOUND", "Unknown or revoked calendar feed");
  if (!row || row.revokedAt || !row.releaseId) throw notFound;
  const owner = await loadActiveUser(row.userId, "token");
  if (!owner || !can(owner.role, "release.read")) throw notFound;
  return { releaseId: row.releaseId };
}

export function hashFeedToken(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

function toFeedDto(row: { id: string; releaseId: string | null; createdAt: Date; revokedAt: Date | null }): CalendarFeedDto {
  return { id: row.id, releaseId: row.releaseId, createdAt: row.createdAt.toISOString(), revokedAt: row.revokedAt?.toISOString() ?? null };
}
