import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { AuditList, AuditQuery } from "./audit.validation";

// Newest first, paged by id (ids only grow), so a page never repeats or skips
// rows when new events arrive while someone is reading.
export async function listAuditEvents(releaseId: string, query: AuditQuery): Promise<AuditList> {
  const release = await prisma.release.findUnique({ where: { id: releaseId }, select: { id: true } });
  if (!release) throw new AppError("NOT_FOUND", "Release not found");
  const rows = await prisma.auditEvent.findMany({
    where: {
      releaseId,
      ...(query.actorId ? { actorId: query.actorId } : {}),
      ...(query.action ? { action: { startsWith: query.action } } : {}),
      ...(query.cursor ? { id: { lt: BigInt(query.cursor) } } : {}),
    },
    orderBy: { id: "desc" },
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return {
    events: page.map((row) => ({
      id: row.id.toString(),
      seq: row.seq,
      at: row.createdAt.toISOString(),
      actor: { id: row.actorId, label: row.actorLabel },
      via: row.via,
      action: row.action,
      subjectType: row.subjectType,
      subjectId: row.subjectId,
      before: row.before ?? null,
      after: row.after ?? null,
    })),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.id.toString() ?? null) : null,
  };
}
