import { describe, expect, it } from "vitest";
import { conflictsFor, wallClock, type ConflictContext, type ConflictSubject } from "./conflicts";

// The demo plan: cutover window 03:00–09:00 Seoul time on 1 July.
const windowEnd = new Date("2025-07-01T09:00:00+09:00");
const base: ConflictSubject = {
  id: "00000000-0000-4000-8000-000000000001",
  channel: "email",
  audience: "external",
  locale: "en",
  status: "scheduled",
  condition: "after_cutover_succeeded",
  phaseKey: "launch-announcement",
  scheduledAt: new Date("2025-07-01T09:00:00+09:00"),
};

function context(others: ConflictSubject[] = []): ConflictContext {
  return { timezone: "Asia/Seoul", windowEnd, workingHours: { start: "09:00", end: "18:00" }, others, now: new Date("2025-06-01T00:00:00Z") };
}

const codes = (subject: ConflictSubject, ctx = context()) => conflictsFor(subject, ctx).map((conflict) => conflict.code);

describe("conflictsFor", () => {
  it("finds nothing wrong with the planned launch notice at 09:00", () => {
    expect(codes(base)).toEqual([]);
  });

  it("warns about a launch notice before the cutover window ends", () => {
    expect(codes({ ...base, scheduledAt: new Date("2025-07-01T08:30:00+09:00") })).toEqual(["before_cutover_end", "outside_working_hours"]);
    expect(codes({ ...base, condition: null, phaseKey: null, scheduledAt: new Date("2025-06-30T10:00:00+09:00") })).toEqual([]);
  });

  it("warns about two external notices on the same channel and language within an hour", () => {
    const other = { ...base, id: "00000000-0000-4000-8000-000000000002", scheduledAt: new Date("2025-07-01T09:40:00+09:00") };
    const found = conflictsFor(base, context([base, other]));
    expect(found.map((conflict) => conflict.code)).toEqual(["same_channel_within_hour"]);
    expect(found[0]?.otherId).toBe(other.id);
    expect(codes(base, context([{ ...other, locale: "ko" }]))).toEqual([]);
    expect(codes(base, context([{ ...other, channel: "website" }]))).toEqual([]);
    expect(codes(base, context([{ ...other, status: "cancelled" }]))).toEqual([]);
    expect(codes(base, context([{ ...other, scheduledAt: new Date("2025-07-01T10:00:00+09:00") }]))).toEqual([]);
    expect(codes({ ...base, audience: "internal", condition: null, phaseKey: null }, context([{ ...other, audience: "internal" }]))).toEqual([]);
  });

  it("warns outside working hours on the release's wall clock", () => {
    expect(codes({ ...base, condition: null, phaseKey: null, scheduledAt: new Date("2025-07-01T18:00:00+09:00") })).toEqual(["outside_working_hours"]);
    expect(codes({ ...base, condition: null, phaseKey: null, scheduledAt: new Date("2025-07-01T17:59:00+09:00") })).toEqual([]);
  });

  it("warns about a scheduled announcement whose time passed over an hour ago", () => {
    const late = { ...context(), now: new Date("2025-07-01T10:30:00+09:00") };
    expect(codes(base, late)).toEqual(["missed"]);
    expect(codes({ ...base, status: "held" }, late)).toEqual([]);
  });

  it("has nothing to say about sent or cancelled announcements", () => {
    expect(codes({ ...base, status: "sent", scheduledAt: new Date("2025-07-01T03:00:00+09:00") })).toEqual([]);
    expect(codes({ ...base, status: "cancelled", scheduledAt: new Date("2025-07-01T03:00:00+09:00") })).toEqual([]);
  });

  it("reads wall-clock time in the zone, across daylight saving", () => {
    expect(wallClock(new Date("2025-07-01T00:00:00Z"), "Asia/Seoul")).toBe("09:00");
    expect(wallClock(new Date("2025-07-01T07:00:00Z"), "Europe/Berlin")).toBe("09:00");
    expect(wallClock(new Date("2025-01-01T08:00:00Z"), "Europe/Berlin")).toBe("09:00");
  });
});
