import { mutate, type Actor } from "@/lib/audit/mutate";
import { prisma } from "@/lib/db/client";
import { conflictsOfRows, readReleaseFrame } from "./announcement-context";
import { announcementSelect, toAnnouncementDto } from "./announcement-dto";
import type { AnnouncementListDto } from "./announcements.validation";
import { ensureAnnouncements } from "./ensure-announcements";

const systemActor: Actor = { userId: null, label: "system", via: "system" };

export interface ListRange {
  from?: string;
  to?: string;
}

// The release's calendar: its announcements (with conflicts) and its phases.
export async function listAnnouncements(releaseId: string, range: ListRange = {}): Promise<AnnouncementListDto> {
  let release = await readReleaseFrame(prisma, releaseId);
  if ((await prisma.announcement.count({ where: { releaseId, key: { not: null } } })) === 0) {
    await addTemplateAnnouncements(releaseId);
    release = await readReleaseFrame(prisma, releaseId);
  }
  const scheduledAt = { ...(range.from ? { gte: new Date(range.from) } : {}), ...(range.to ? { lt: new Date(range.to) } : {}) };
  const [rows, phases] = await Promise.all([
    prisma.announcement.findMany({ where: { releaseId, scheduledAt }, select: announcementSelect, orderBy: [{ scheduledAt: "asc" }, { key: "asc" }] }),
    prisma.phase.findMany({
      where: { releaseId },
      select: { id: true, key: true, kind: true, titleKo: true, titleEn: true, startsAt: true, endsAt: true, status: true },
      orderBy: { position: "asc" },
    }),
  ]);
  const conflicts = await conflictsOfRows(prisma, release, rows);
  return {
    eventSeq: release.eventSeq,
    release: {
      id: release.id,
      timezone: release.timezone,
      windowStart: release.windowStart.toISOString(),
      windowEnd: release.windowEnd.toISOString(),
      status: release.status,
    },
    workingHours: release.workingHours,
    announcements: rows.map((row) => toAnnouncementDto(row, conflicts.get(row.id) ?? [])),
    phases: phases.map((phase) => ({
      id: phase.id,
      key: phase.key,
      kind: phase.kind,
      title: { ko: phase.titleKo, en: phase.titleEn },
      startsAt: phase.startsAt.toISOString(),
      endsAt: phase.endsAt?.toISOString() ?? null,
      status: phase.status,
    })),
  };
}

// A release created before announcements existed gets the template's
// communication plan on its first read, on the record like any change.
async function addTemplateAnnouncements(releaseId: string): Promise<void> {
  await mutate(systemActor, async ({ tx, audit }) => {
    const created = await ensureAnnouncements(tx, releaseId);
    if (created.length === 0) return;
    await audit({ releaseId, action: "announcement.created", subjectType: "Release", subjectId: releaseId, after: { keys: created } });
  });
}
