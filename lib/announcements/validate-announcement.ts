import { AppError } from "@/lib/errors";
import type { IssueDetail } from "@/lib/http/respond";
import { channelBodyLimits, scheduleRangeDays, type AnnouncementChannel } from "./announcements.validation";

export interface AnnouncementShape {
  channel: AnnouncementChannel;
  body: string;
  scheduledAt: Date;
  recipients: readonly string[];
}

const dayMs = 86_400_000;

// The rules zod cannot check alone: the body limit of the chosen channel,
// recipients only where mail goes out, and a time near the release. All
// problems are reported together, like zod's.
export function assertAnnouncementValid(shape: AnnouncementShape, release: { windowStart: Date; windowEnd: Date }): void {
  const issues: IssueDetail[] = [];
  const limit = channelBodyLimits[shape.channel];
  const size = limit.unit === "bytes" ? Buffer.byteLength(shape.body, "utf8") : [...shape.body].length;
  if (size > limit.max) {
    issues.push({
      path: ["body"],
      code: "too_big",
      message: `A ${shape.channel} body may be at most ${limit.max.toLocaleString("en-US")} ${limit.unit === "bytes" ? "bytes" : "characters"}; this one has ${size.toLocaleString("en-US")}`,
    });
  }
  if (shape.recipients.length > 0 && shape.channel !== "email" && shape.channel !== "internal_meeting") {
    issues.push({ path: ["recipients"], code: "invalid_value", message: `Recipients are for email and meeting announcements; ${shape.channel} has none` });
  }
  const earliest = new Date(release.windowStart.getTime() - scheduleRangeDays * dayMs);
  const latest = new Date(release.windowEnd.getTime() + scheduleRangeDays * dayMs);
  if (Number.isNaN(shape.scheduledAt.getTime()) || shape.scheduledAt < earliest || shape.scheduledAt > latest) {
    issues.push({
      path: ["scheduledAt"],
      code: "too_big",
      message: `Schedule it within ${scheduleRangeDays} days of the launch window: between ${earliest.toISOString()} and ${latest.toISOString()}`,
    });
  }
  if (issues.length > 0) throw new AppError("VALIDATION_FAILED", "The announcement is not valid", issues);
}
