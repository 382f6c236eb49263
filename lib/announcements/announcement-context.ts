import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { announcementsConfigSchema, announcementsSettingKey, defaultAnnouncementsConfig } from "./config";
import type { AnnouncementConflict, WorkingHours } from "./announcements.validation";
import { toConflictSubject, type AnnouncementRow } from "./announcement-dto";
import { conflictsFor, type ConflictContext } from "./conflicts";

export interface ReleaseFrame {
  id: string;
  timezone: string;
  windowStart: Date;
  windowEnd: Date;
  status: string;
  eventSeq: number;
  workingHours: WorkingHours;
}

export async function readReleaseFrame(tx: Tx, releaseId: string): Promise<ReleaseFrame> {
  const release = await tx.release.findUnique({
    where: { id: releaseId },
    select: { id: true, timezone: true, windowStart: true, windowEnd: true, status: true, eventSeq: true },
  });
  if (!release) throw new AppError("NOT_FOUND", "Release not found");
  return { ...release, workingHours: await workingHoursOf(tx, releaseId) };
}

// Working hours come from the announcements setting; settings that no longer
// validate fall back to the default rather than hide the calendar.
async function workingHoursOf(tx: Tx, releaseId: string): Promise<WorkingHours> {
  const row = await tx.releaseSetting.findUnique({ where: { releaseId_key: { releaseId, key: announcementsSettingKey } }, select: { settings: true } });
  const parsed = row ? announcementsConfigSchema.safeParse(row.settings) : null;
  return parsed?.success ? parsed.data.workingHours : defaultAnnouncementsConfig.workingHours;
}

// Conflicts of each row against every announcement of its release.
export async function conflictsOfRows(tx: Tx, release: ReleaseFrame, rows: readonly AnnouncementRow[], now = new Date()): Promise<Map<string, AnnouncementConflict[]>> {
  const all = await tx.announcement.findMany({
    where: { releaseId: release.id, status: { notIn: ["cancelled", "draft"] } },
    select: { id: true, channel: true, audience: true, locale: true, status: true, condition: true, phaseKey: true, scheduledAt: true },
  });
  const context: ConflictContext = {
    timezone: release.timezone,
    windowEnd: release.windowEnd,
    workingHours: release.workingHours,
    others: all.map(toConflictSubject),
    now,
  };
  return new Map(rows.map((row) => [row.id, conflictsFor(toConflictSubject(row), context)]));
}
