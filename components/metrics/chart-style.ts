import type { Environment } from "@/lib/client/types";

// Blue and green keep the environments' own colours and also differ in line
// style (solid and dashed), so the pair reads without telling hue apart.
export const environmentLine: Record<Environment, { stroke: string; strokeWidth: number; strokeDasharray?: string }> = {
  blue: { stroke: "var(--env-blue)", strokeWidth: 2 },
  green: { stroke: "var(--env-green)", strokeWidth: 2, strokeDasharray: "6 3" },
};

export type ThresholdKind = "rollback" | "success";

export interface ChartThreshold {
  id: string;
  kind: ThresholdKind;
  metric: string;
  value: number;
  // The comparator as a symbol: "<", "≤", …
  symbol: string;
}

export const thresholdLine: Record<ThresholdKind, { stroke: string; strokeDasharray: string }> = {
  rollback: { stroke: "var(--danger)", strokeDasharray: "2 3" },
  success: { stroke: "var(--ok)", strokeDasharray: "8 3 2 3" },
};

const comparatorSymbols: Record<string, string> = { lt: "<", lte: "≤", gt: ">", gte: "≥", eq: "=" };

export function comparatorSymbol(comparator: string | null): string {
  return comparator ? (comparatorSymbols[comparator] ?? comparator) : "";
}

interface ThresholdSource {
  id: string;
  kind: ThresholdKind;
  metric: string | null;
  comparator: string | null;
  threshold: number | null;
  baseline: string | null;
}

// The fixed thresholds drawn on a metric's chart; criteria relative to a
// baseline move with blue and have no line of their own.
export function chartThresholds(metric: string, criteria: readonly ThresholdSource[]): ChartThreshold[] {
  return criteria.flatMap((criterion) =>
    criterion.metric === metric && criterion.threshold !== null && criterion.baseline === null
      ? [{ id: criterion.id, kind: criterion.kind, metric, value: criterion.threshold, symbol: comparatorSymbol(criterion.comparator) }]
      : [],
  );
}
