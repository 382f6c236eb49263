import { DriverError } from "./types";

// Relative weights: green carrying p % means green weight p and blue weight
// 100 − p, so the pair always adds up to 100 and "25 %" is 75/25, not 100/25.

export function assertGreenPercent(greenPercent: number): number {
  if (!Number.isInteger(greenPercent) || greenPercent < 0 || greenPercent > 100) {
    throw new DriverError(`Green's share must be a whole percentage from 0 to 100, got ${greenPercent}`);
  }
  return greenPercent;
}

export function weightsForSplit(greenPercent: number): { blue: number; green: number } {
  const green = assertGreenPercent(greenPercent);
  return { blue: 100 - green, green };
}

// What share green really gets from the weights the traffic layer reports.
// Both at zero serves nobody, so green's share of that is 0 too.
export function greenPercentFromWeights(weights: { blue: number; green: number }): number {
  const total = weights.blue + weights.green;
  if (total <= 0) return 0;
  return Math.round((weights.green / total) * 10_000) / 100;
}
