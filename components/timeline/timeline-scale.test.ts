import { describe, expect, it } from "vitest";
import { barGeometry, fromLocalInput, pixelsToMs, snap, ticks, toLocalInput, zoomScale } from "./timeline-scale";

const hour = 3_600_000;
const windowStart = new Date("2026-06-30T18:00:00.000Z");
const windowEnd = new Date("2026-07-01T00:00:00.000Z");

describe("zoomScale", () => {
  it("shows the launch night as the release window, snapping to 15 minutes", () => {
    expect(zoomScale("night", windowStart, windowEnd)).toEqual({ from: windowStart.getTime(), to: windowEnd.getTime(), snapMs: 15 * 60_000, tick: "hour" });
  });

  it("shows days around the launch with 1-hour snaps and the support month with 1-day snaps", () => {
    const days = zoomScale("days", windowStart, windowEnd);
    expect([(days.to - days.from) / (24 * hour), days.snapMs]).toEqual([13, hour]);
    const weeks = zoomScale("weeks", windowStart, windowEnd);
    expect([(weeks.to - weeks.from) / (24 * hour), weeks.snapMs]).toEqual([42, 24 * hour]);
  });
});

describe("barGeometry", () => {
  const range = { from: 0, to: 100 };

  it("places a bar by percentage of the span", () => {
    expect(barGeometry(25, 75, range)).toEqual({ leftPct: 25, widthPct: 50, clippedStart: false, clippedEnd: false });
  });

  it("clips a bar that runs past either edge and hides one wholly outside", () => {
    expect(barGeometry(-50, 150, range)).toEqual({ leftPct: 0, widthPct: 100, clippedStart: true, clippedEnd: true });
    expect(barGeometry(120, 150, range)).toBeNull();
    expect(barGeometry(-30, -10, range)).toBeNull();
  });

  it("draws a phase without an end as a milestone of no width", () => {
    expect(barGeometry(40, null, range)).toEqual({ leftPct: 40, widthPct: 0, clippedStart: false, clippedEnd: false });
  });
});

describe("dragging", () => {
  it("turns pixels into time by the track's width and snaps to the zoom's step", () => {
    const range = { from: 0, to: 6 * hour };
    expect(pixelsToMs(100, 600, range)).toBe(hour);
    expect(snap(pixelsToMs(37, 600, range), 15 * 60_000)).toBe(15 * 60_000 * 1);
    expect(snap(pixelsToMs(-55, 600, range), 15 * 60_000)).toBe(-30 * 60_000);
    expect(snap(5 * 60_000, 15 * 60_000)).toBe(0);
    expect(pixelsToMs(10, 0, range)).toBe(0);
  });
});

describe("ticks", () => {
  it("marks every whole hour of the launch night", () => {
    const marks = ticks(zoomScale("night", windowStart, windowEnd));
    expect(marks).toHaveLength(7);
    expect(marks.every((mark) => new Date(mark).getMinutes() === 0)).toBe(true);
  });

  it("marks local midnights for days", () => {
    const marks = ticks(zoomScale("days", windowStart, windowEnd));
    expect(marks.length).toBeGreaterThanOrEqual(12);
    expect(marks.every((mark) => new Date(mark).getHours() === 0)).toBe(true);
  });
});

describe("datetime-local round trip", () => {
  it("converts to the browser's wall clock and back to the same instant", () => {
    const iso = "2026-07-01T03:15:00.000Z";
    expect(fromLocalInput(toLocalInput(iso))).toBe(iso);
    expect(fromLocalInput("")).toBeNull();
    expect(toLocalInput(null)).toBe("");
  });
});
