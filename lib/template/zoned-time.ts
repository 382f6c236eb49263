import type { TemplateOffset } from "./load-template";

// Template times are wall-clock offsets from the launch in the release's time
// zone: "-3 days" is the same local hour three days earlier even across a
// daylight-saving change. Node has no zoned arithmetic, so this resolves wall
// times through Intl.

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

export function applyOffset(launchAt: Date, offset: TemplateOffset, timeZone: string): Date {
  const wall = wallClockMs(launchAt, timeZone);
  const shifted = wall + ((offset.days ?? 0) * 24 * 60 + (offset.hours ?? 0) * 60 + (offset.minutes ?? 0)) * 60_000;
  return wallClockToInstant(shifted, timeZone);
}

// The local date and time at `instant`, encoded as if it were UTC.
function wallClockMs(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"), instant.getUTCMilliseconds());
}

// Two passes settle the zone offset; a wall time skipped by a spring-forward
// gap lands just after the gap.
function wallClockToInstant(wallMs: number, timeZone: string): Date {
  let guess = wallMs - (wallClockMs(new Date(wallMs), timeZone) - wallMs);
  guess = wallMs - (wallClockMs(new Date(guess), timeZone) - guess);
  return new Date(guess);
}
