import { describe, expect, it } from "vitest";
import { chartThresholds } from "./chart-style";

const criterion = { kind: "rollback" as const, comparator: "gt", baseline: null };

describe("chartThresholds", () => {
  it("draws each fixed threshold of the chart's metric, rollback and success alike", () => {
    const lines = chartThresholds("error_rate", [
      { ...criterion, id: "a", metric: "error_rate", threshold: 5 },
      { ...criterion, id: "b", kind: "success", metric: "error_rate", comparator: "lte", threshold: 0.1 },
      { ...criterion, id: "c", metric: "availability", comparator: "lt", threshold: 90 },
    ]);
    expect(lines).toEqual([
      { id: "a", kind: "rollback", metric: "error_rate", value: 5, symbol: ">" },
      { id: "b", kind: "success", metric: "error_rate", value: 0.1, symbol: "≤" },
    ]);
  });

  it("draws no line for a criterion relative to blue or one without a threshold", () => {
    expect(
      chartThresholds("latency_p95", [
        { ...criterion, id: "a", metric: "latency_p95", threshold: null, baseline: "blue" },
        { ...criterion, id: "b", metric: "latency_p95", threshold: null },
      ]),
    ).toEqual([]);
  });
});
