// Which parts of each phase in the on-call window have nobody from an owner
// team on shift. Pure, so the server's answer and the timeline agree.

export interface Interval {
  from: number;
  to: number;
}

export interface CoveragePhase {
  key: string;
  ownerTeams: readonly string[];
  startsAt: Date;
  endsAt: Date | null;
}

export interface CoverageShift {
  teamKey: string;
  startsAt: Date;
  endsAt: Date;
}

export interface CoverageGap {
  phaseKey: string;
  teamKey: string;
  gaps: { from: Date; to: Date }[];
}

// `interval` minus the union of `covers`, as ordered non-empty pieces.
export function uncovered(interval: Interval, covers: readonly Interval[]): Interval[] {
  const pieces: Interval[] = [];
  let cursor = interval.from;
  for (const cover of [...covers].sort((a, b) => a.from - b.from)) {
    if (cover.to <= cursor) continue;
    if (cover.from >= interval.to) break;
    if (cover.from > cursor) pieces.push({ from: cursor, to: cover.from });
    cursor = Math.max(cursor, cover.to);
    if (cursor >= interval.to) break;
  }
  if (cursor < interval.to) pieces.push({ from: cursor, to: interval.to });
  return pieces;
}

// Only the part of a phase inside the window counts: the rota covers the
// stabilisation window, not the month of support after it.
export function coverageGaps(phases: readonly CoveragePhase[], shifts: readonly CoverageShift[], window: { startsAt: Date; endsAt: Date }): CoverageGap[] {
  const result: CoverageGap[] = [];
  for (const phase of phases) {
    if (!phase.endsAt) continue;
    const from = Math.max(phase.startsAt.getTime(), window.startsAt.getTime());
    const to = Math.min(phase.endsAt.getTime(), window.endsAt.getTime());
    if (to <= from) continue;
    for (const teamKey of phase.ownerTeams) {
      const covers = shifts.filter((shift) => shift.teamKey === teamKey).map((shift) => ({ from: shift.startsAt.getTime(), to: shift.endsAt.getTime() }));
      const gaps = uncovered({ from, to }, covers);
      if (gaps.length > 0) result.push({ phaseKey: phase.key, teamKey, gaps: gaps.map((gap) => ({ from: new Date(gap.from), to: new Date(gap.to) })) });
    }
  }
  return result;
}
