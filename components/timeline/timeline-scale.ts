// The timeline's geometry, free of React: which span each zoom shows, where
// a time falls on the track, and how a drag snaps.

export type Zoom = "night" | "days" | "weeks";
export const zooms: readonly Zoom[] = ["night", "days", "weeks"];

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

export interface TimeRange {
  from: number;
  to: number;
}

export interface ZoomScale extends TimeRange {
  snapMs: number;
  tick: "hour" | "day" | "week";
}

// Launch night: the release window itself (03:00–09:00 on the release's
// clock in the template); days: the notice three days before to the patch a
// week after; weeks: the support month.
export function zoomScale(zoom: Zoom, windowStart: Date, windowEnd: Date): ZoomScale {
  const start = windowStart.getTime();
  switch (zoom) {
    case "night": {
      const end = Math.max(windowEnd.getTime(), start + 2 * hour);
      return { from: start, to: end, snapMs: 15 * minute, tick: "hour" };
    }
    case "days":
      return { from: start - 4 * day, to: start + 9 * day, snapMs: hour, tick: "day" };
    case "weeks":
      return { from: start - 7 * day, to: start + 35 * day, snapMs: day, tick: "week" };
  }
}

export function percentAt(time: number, range: TimeRange): number {
  return ((time - range.from) / (range.to - range.from)) * 100;
}

export interface BarGeometry {
  leftPct: number;
  widthPct: number;
  // The bar continues beyond the visible span on that side.
  clippedStart: boolean;
  clippedEnd: boolean;
}

// Where a phase's bar sits, or null when it lies wholly outside the span. A
// phase without an end is a milestone: a sliver at its start.
export function barGeometry(startsAt: number, endsAt: number | null, range: TimeRange): BarGeometry | null {
  const end = endsAt ?? startsAt;
  if (end < range.from || startsAt > range.to) return null;
  const left = Math.max(startsAt, range.from);
  const right = Math.min(end, range.to);
  return {
    leftPct: percentAt(left, range),
    widthPct: Math.max(percentAt(right, range) - percentAt(left, range), 0),
    clippedStart: startsAt < range.from,
    clippedEnd: end > range.to,
  };
}

// Pixels dragged on a track `trackWidth` wide, as milliseconds.
export function pixelsToMs(pixels: number, trackWidth: number, range: TimeRange): number {
  if (trackWidth <= 0) return 0;
  return (pixels / trackWidth) * (range.to - range.from);
}

export function snap(deltaMs: number, snapMs: number): number {
  return Math.round(deltaMs / snapMs) * snapMs || 0;
}

// Tick marks on the viewer's clock (the browser's zone): whole hours, local
// midnights, or every seventh local midnight. Calendar steps keep midnights
// aligned across daylight-saving changes.
export function ticks(scale: ZoomScale): number[] {
  const cursor = new Date(scale.from);
  if (scale.tick === "hour") cursor.setMinutes(0, 0, 0);
  else cursor.setHours(0, 0, 0, 0);
  const result: number[] = [];
  while (cursor.getTime() <= scale.to && result.length < 500) {
    if (cursor.getTime() >= scale.from) result.push(cursor.getTime());
    if (scale.tick === "hour") cursor.setHours(cursor.getHours() + 1);
    else cursor.setDate(cursor.getDate() + (scale.tick === "week" ? 7 : 1));
  }
  return result;
}

// Times for <input type="datetime-local">, which speaks the browser's zone.
export function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const date = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
