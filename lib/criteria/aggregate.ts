import type { Aggregation } from "./vocabulary";

export interface Sample {
  at: Date;
  value: number;
}

// One number from a window of samples (already finite and in the window), or
// null when the aggregation has nothing to say: no samples, or a ratio
// whose denominator sums to zero.
export function aggregate(aggregation: Aggregation, samples: readonly Sample[], denominators: readonly Sample[] = []): number | null {
  if (samples.length === 0) return null;
  const values = samples.map((sample) => sample.value);
  switch (aggregation) {
    case "avg":
      return sum(values) / values.length;
    case "min":
      return Math.min(...values);
    case "max":
      return Math.max(...values);
    case "last":
      return newest(samples).value;
    case "p95":
      return percentile(values, 95);
    case "sum":
      return sum(values);
    case "ratio": {
      const denominator = sum(denominators.map((sample) => sample.value));
      return denominator === 0 ? null : (100 * sum(values)) / denominator;
    }
  }
}

// Nearest rank: the smallest value with at least p % of the samples at or
// below it, so p95 of 20 samples is the 19th smallest — a value that was
// actually observed, never an interpolation between two.
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

// The share of [from, to] the samples speak for. Each sample stands for the
// time back to the one before it, as long as that gap is not more than twice
// the usual spacing (the source's interval, or the median gap between the
// samples); a longer gap is a hole in the data, and counts only one spacing.
// The oldest sample speaks for at most one spacing before it. The stretch
// after the newest sample counts while it is within two spacings of `to`
// (the data is current).
export function windowCoverage(samples: readonly Sample[], from: Date, to: Date, expectedIntervalMs?: number): number {
  const length = to.getTime() - from.getTime();
  if (samples.length === 0 || length <= 0) return 0;
  const times = samples.map((sample) => sample.at.getTime()).sort((a, b) => a - b);
  const spacing = expectedIntervalMs ?? medianGap(times);
  if (spacing <= 0) return 0;
  const tolerance = 2 * spacing;
  let covered = 0;
  let previous: number | null = null;
  for (const time of times) {
    const gap = time - (previous ?? from.getTime());
    covered += previous === null ? Math.min(gap, spacing) : gap <= tolerance ? gap : spacing;
    previous = time;
  }
  if (previous === null) return 0;
  const tail = to.getTime() - previous;
  if (tail <= tolerance) covered += tail;
  return Math.min(1, Math.max(0, covered / length));
}

function medianGap(sortedTimes: readonly number[]): number {
  if (sortedTimes.length < 2) return 0;
  const gaps = sortedTimes.slice(1).map((time, i) => time - (sortedTimes[i] as number));
  const sorted = gaps.sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function newest(samples: readonly Sample[]): Sample {
  return samples.reduce((latest, sample) => (sample.at.getTime() >= latest.at.getTime() ? sample : latest));
}
