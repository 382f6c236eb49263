import type { AnnouncementChannel, AnnouncementConflict, AnnouncementStatus, WorkingHours } from "./announcements.validation";

// Warnings the calendar shows beside an announcement. Pure, so the browser
// can recompute them while an event is dragged and the server returns the
// same ones with every announcement.

export interface ConflictSubject {
  id: string;
  channel: AnnouncementChannel;
  audience: "internal" | "external";
  locale: "ko" | "en";
  status: AnnouncementStatus;
  condition: string | null;
  phaseKey: string | null;
  scheduledAt: Date;
}

export interface ConflictContext {
  timezone: string;
  // The cutover window: a launch notice before its end would announce a
  // launch that may still be rolled back.
  windowEnd: Date;
  workingHours: WorkingHours;
  // Every announcement of the release (the subject itself may be among them).
  others: readonly ConflictSubject[];
  now: Date;
}

const hourMs = 3_600_000;
// A scheduled announcement this far past its time is not sent automatically
// any more (see dispatch.ts): its moment has passed.
export const missedAfterMs = hourMs;

const inactive = new Set<AnnouncementStatus>(["cancelled", "draft"]);
const launchPhaseKey = "launch-announcement";

export function isLaunchNotice(subject: Pick<ConflictSubject, "audience" | "condition" | "phaseKey">): boolean {
  return subject.condition === "after_cutover_succeeded" || (subject.audience === "external" && subject.phaseKey === launchPhaseKey);
}

export function conflictsFor(subject: ConflictSubject, context: ConflictContext): AnnouncementConflict[] {
  if (subject.status === "cancelled" || subject.status === "sent") return [];
  const conflicts: AnnouncementConflict[] = [];
  const at = subject.scheduledAt.getTime();

  if (isLaunchNotice(subject) && at < context.windowEnd.getTime()) {
    conflicts.push({ code: "before_cutover_end", message: "A launch notice is scheduled before the cutover window ends" });
  }

  if (subject.audience === "external" && !inactive.has(subject.status)) {
    for (const other of context.others) {
      if (other.id === subject.id || other.audience !== "external" || inactive.has(other.status)) continue;
      // Translations go to different readers; only the same channel in the
      // same language reaches the same people twice.
      if (other.channel !== subject.channel || other.locale !== subject.locale) continue;
      if (Math.abs(other.scheduledAt.getTime() - at) < hourMs) {
        conflicts.push({
          code: "same_channel_within_hour",
          message: `Another external ${subject.channel} notice is scheduled within an hour`,
          otherId: other.id,
        });
      }
    }
  }

  const local = wallClock(subject.scheduledAt, context.timezone);
  if (local < context.workingHours.start || local >= context.workingHours.end) {
    conflicts.push({
      code: "outside_working_hours",
      message: `${local} in ${context.timezone} is outside working hours (${context.workingHours.start}–${context.workingHours.end})`,
    });
  }

  if (subject.status === "scheduled" && at < context.now.getTime() - missedAfterMs) {
    conflicts.push({ code: "missed", message: "Its time passed without it being sent; reschedule it or send it now" });
  }
  return conflicts;
}

// "HH:MM" on the wall clock of `timeZone`.
export function wallClock(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((part) => part.type === type)?.value ?? "00";
  return `${get("hour")}:${get("minute")}`;
}
