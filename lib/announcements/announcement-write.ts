import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { conflictsOfRows, readReleaseFrame } from "./announcement-context";
import { readAnnouncement, toAnnouncementDto, type AnnouncementRow } from "./announcement-dto";
import type { AnnouncementDto } from "./announcements.validation";

// Helpers shared by the announcement mutations.

export async function announcementDto(tx: Tx, row: AnnouncementRow): Promise<AnnouncementDto> {
  const release = await readReleaseFrame(tx, row.releaseId);
  const conflicts = await conflictsOfRows(tx, release, [row]);
  return toAnnouncementDto(row, conflicts.get(row.id) ?? []);
}

export async function versionConflict(tx: Tx, releaseId: string, announcementId: string): Promise<AppError> {
  const current = await readAnnouncement(tx, releaseId, announcementId);
  return new AppError("VERSION_CONFLICT", "Someone else changed this announcement; review the current state and try again", {
    current: await announcementDto(tx, current),
  });
}

// Sent or in-flight announcements are history: changing them would make the
// calendar disagree with what people received.
export function assertChangeable(row: AnnouncementRow): void {
  if (row.status === "sent" || row.status === "sending") {
    throw new AppError("CONFLICT", row.status === "sent" ? "This announcement was already sent" : "This announcement is being sent right now", {
      status: row.status,
    });
  }
}

export async function assertActiveOwner(tx: Tx, ownerId: string | null | undefined): Promise<void> {
  if (!ownerId) return;
  const user = await tx.user.findUnique({ where: { id: ownerId }, select: { active: true } });
  if (!user?.active) {
    throw new AppError("VALIDATION_FAILED", "The owner must be an active user", [{ path: ["ownerId"], message: "Unknown or inactive user", code: "invalid_value" }]);
  }
}
