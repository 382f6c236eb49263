import { describe, expect, it } from "vitest";
import { dependentsOf, scheduleProblems, shiftDelta, shiftTimes, type PhaseTimes } from "./schedule";

const at = (iso: string) => new Date(iso);
const phase = (key: string, dependsOn: string[] = []): PhaseTimes => ({ key, dependsOn, startsAt: at("2026-07-01T00:00:00Z"), endsAt: null });

describe("dependentsOf", () => {
  const plan = [phase("prep"), phase("cutover", ["prep"]), phase("migrate", ["cutover"]), phase("verify", ["migrate"]), phase("stabilise", ["cutover"]), phase("notice")];

  it("finds followers directly and through other phases, breadth first", () => {
    expect(dependentsOf("cutover", plan)).toEqual(["migrate", "stabilise", "verify"]);
    expect(dependentsOf("prep", plan)).toEqual(["cutover", "migrate", "stabilise", "verify"]);
  });

  it("finds none for a phase nothing follows", () => {
    expect(dependentsOf("notice", plan)).toEqual([]);
    expect(dependentsOf("verify", plan)).toEqual([]);
  });

  it("stops at a cycle instead of looping", () => {
    expect(dependentsOf("a", [phase("a", ["b"]), phase("b", ["a"])])).toEqual(["b"]);
  });
});

describe("shiftDelta", () => {
  it("carries followers by the move of the end when both ends are known", () => {
    const before = { startsAt: at("2026-07-01T03:00:00Z"), endsAt: at("2026-07-01T04:00:00Z") };
    expect(shiftDelta(before, { startsAt: before.startsAt, endsAt: at("2026-07-01T04:30:00Z") })).toBe(30 * 60_000);
    expect(shiftDelta(before, { startsAt: at("2026-07-01T05:00:00Z"), endsAt: at("2026-07-01T06:00:00Z") })).toBe(2 * 3_600_000);
  });

  it("carries followers by the move of the start when the phase has no end", () => {
    const before = { startsAt: at("2026-07-01T03:00:00Z"), endsAt: null };
    expect(shiftDelta(before, { startsAt: at("2026-07-02T03:00:00Z"), endsAt: null })).toBe(86_400_000);
  });
});

describe("shiftTimes", () => {
  it("moves start and end by the same amount and keeps a missing end missing", () => {
    expect(shiftTimes({ startsAt: at("2026-07-01T03:00:00Z"), endsAt: at("2026-07-01T04:00:00Z") }, -3_600_000)).toEqual({
      startsAt: at("2026-07-01T02:00:00Z"),
      endsAt: at("2026-07-01T03:00:00Z"),
    });
    expect(shiftTimes({ startsAt: at("2026-07-01T03:00:00Z"), endsAt: null }, 60_000).endsAt).toBeNull();
  });
});

describe("scheduleProblems", () => {
  const window = { windowStart: at("2026-07-01T03:00:00Z"), windowEnd: at("2026-07-01T09:00:00Z") };

  it("accepts times around the window, the support month included", () => {
    expect(scheduleProblems({ startsAt: at("2026-06-28T09:00:00Z"), endsAt: at("2026-07-31T09:00:00Z") }, window)).toEqual([]);
  });

  it("reports an end before the start", () => {
    expect(scheduleProblems({ startsAt: at("2026-07-01T05:00:00Z"), endsAt: at("2026-07-01T04:00:00Z") }, window)).toEqual([
      { field: "endsAt", message: "The end is before the start" },
    ]);
  });

  it("reports times more than a year from the window", () => {
    const problems = scheduleProblems({ startsAt: at("2025-06-01T00:00:00Z"), endsAt: at("2027-08-01T00:00:00Z") }, window);
    expect(problems.map((problem) => problem.field)).toEqual(["startsAt", "endsAt"]);
  });
});
