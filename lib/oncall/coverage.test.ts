import { describe, expect, it } from "vitest";
import { coverageGaps, uncovered } from "./coverage";

const h = (hours: number) => new Date(Date.UTC(2026, 6, 1, 0) + hours * 3_600_000);

describe("uncovered", () => {
  it("returns the whole interval when nothing covers it", () => {
    expect(uncovered({ from: 0, to: 10 }, [])).toEqual([{ from: 0, to: 10 }]);
  });

  it("returns the holes between overlapping and touching covers", () => {
    expect(uncovered({ from: 0, to: 10 }, [{ from: 6, to: 8 }, { from: 1, to: 3 }, { from: 2, to: 4 }])).toEqual([
      { from: 0, to: 1 },
      { from: 4, to: 6 },
      { from: 8, to: 10 },
    ]);
    expect(uncovered({ from: 0, to: 10 }, [{ from: 0, to: 5 }, { from: 5, to: 10 }])).toEqual([]);
  });

  it("ignores covers outside the interval", () => {
    expect(uncovered({ from: 5, to: 10 }, [{ from: 0, to: 5 }, { from: 10, to: 12 }])).toEqual([{ from: 5, to: 10 }]);
  });
});

describe("coverageGaps", () => {
  const window = { startsAt: h(0), endsAt: h(48) };
  const stabilisation = { key: "stabilisation", ownerTeams: ["devops", "dev"], startsAt: h(0), endsAt: h(48) };

  it("warns for each owner team with nobody on shift for part of the phase", () => {
    const shifts = [
      { teamKey: "devops", startsAt: h(0), endsAt: h(24) },
      { teamKey: "devops", startsAt: h(24), endsAt: h(48) },
      { teamKey: "dev", startsAt: h(0), endsAt: h(12) },
    ];
    expect(coverageGaps([stabilisation], shifts, window)).toEqual([{ phaseKey: "stabilisation", teamKey: "dev", gaps: [{ from: h(12), to: h(48) }] }]);
  });

  it("counts only the part of a phase inside the window and skips phases outside it", () => {
    const month = { key: "support", ownerTeams: ["support"], startsAt: h(0), endsAt: h(24 * 30) };
    const before = { key: "prep", ownerTeams: ["dev"], startsAt: h(-30), endsAt: h(-20) };
    const open = { key: "open", ownerTeams: ["dev"], startsAt: h(1), endsAt: null };
    expect(coverageGaps([month, before, open], [], window)).toEqual([{ phaseKey: "support", teamKey: "support", gaps: [{ from: h(0), to: h(48) }] }]);
  });

  it("is silent when every owner team is covered", () => {
    const shifts = ["devops", "dev"].map((teamKey) => ({ teamKey, startsAt: h(-1), endsAt: h(49) }));
    expect(coverageGaps([stabilisation], shifts, window)).toEqual([]);
  });
});
