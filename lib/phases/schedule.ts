// Pure date arithmetic for phases: which phases follow which, how far a move
// carries them, and which times the release can plausibly hold.

export interface PhaseTimes {
  key: string;
  startsAt: Date;
  endsAt: Date | null;
  dependsOn: readonly string[];
}

const dayMs = 86_400_000;
// A phase may sit at most this far before the window opens or after it
// closes; the support month fits easily, a typo in the year does not.
export const plausibleMarginMs = 365 * dayMs;

// Every phase that follows `key`, directly or through others, each once and
// in the order found; a cycle cannot loop because visited keys are skipped.
export function dependentsOf(key: string, phases: readonly PhaseTimes[]): string[] {
  const found: string[] = [];
  const seen = new Set([key]);
  const queue = [key];
  while (queue.length > 0) {
    const current = queue.shift() as string;
    for (const phase of phases) {
      if (!seen.has(phase.key) && phase.dependsOn.includes(current)) {
        seen.add(phase.key);
        found.push(phase.key);
        queue.push(phase.key);
      }
    }
  }
  return found;
}

// Followers keep their distance to the end of the phase they follow, so a
// phase that grows pushes them out; a phase without an end carries them by
// its start.
export function shiftDelta(before: Pick<PhaseTimes, "startsAt" | "endsAt">, after: Pick<PhaseTimes, "startsAt" | "endsAt">): number {
  if (before.endsAt && after.endsAt) return after.endsAt.getTime() - before.endsAt.getTime();
  return after.startsAt.getTime() - before.startsAt.getTime();
}

export function shiftTimes<T extends Pick<PhaseTimes, "startsAt" | "endsAt">>(phase: T, deltaMs: number): { startsAt: Date; endsAt: Date | null } {
  return {
    startsAt: new Date(phase.startsAt.getTime() + deltaMs),
    endsAt: phase.endsAt ? new Date(phase.endsAt.getTime() + deltaMs) : null,
  };
}

export interface ReleaseWindow {
  windowStart: Date;
  windowEnd: Date;
}

// Problems with a phase's times, as messages keyed by field; empty when fine.
export function scheduleProblems(times: Pick<PhaseTimes, "startsAt" | "endsAt">, window: ReleaseWindow): { field: "startsAt" | "endsAt"; message: string }[] {
  const problems: { field: "startsAt" | "endsAt"; message: string }[] = [];
  if (times.endsAt && times.endsAt.getTime() < times.startsAt.getTime()) {
    problems.push({ field: "endsAt", message: "The end is before the start" });
  }
  const earliest = window.windowStart.getTime() - plausibleMarginMs;
  const latest = window.windowEnd.getTime() + plausibleMarginMs;
  for (const field of ["startsAt", "endsAt"] as const) {
    const value = times[field];
    if (value && (value.getTime() < earliest || value.getTime() > latest)) {
      problems.push({ field, message: "More than a year away from the release window" });
    }
  }
  return problems;
}
