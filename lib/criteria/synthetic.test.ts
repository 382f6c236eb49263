import { describe, expect, it } from "vitest";
import type { CriterionSpec } from "./engine";
import { measureSyntheticChecks, type SyntheticCheckState } from "./synthetic";

const now = new Date("2026-12-01T12:00:00.000Z");
const criterion: CriterionSpec = {
  key: "success.key-features",
  kind: "success",
  metric: "synthetic_checks",
  aggregation: "last",
  comparator: "gte",
  threshold: 100,
  windowSec: 3600,
  environment: "green",
  baseline: null,
  relativePercent: null,
  failureLimit: 0,
  consecutiveBreaches: 1,
  inconclusiveLimit: 0,
  isKey: true,
  dryRun: false,
};

function check(name: string, ageSec: number | null, ok: boolean | null, detail = "HTTP 200"): SyntheticCheckState {
  return { key: name.toLowerCase(), name, intervalSec: 60, lastRunAt: ageSec === null ? null : new Date(now.getTime() - ageSec * 1000), lastOk: ok, lastDetail: detail };
}

describe("measureSyntheticChecks", () => {
  it.each([
    { name: "every check fresh and passing → pass", checks: [check("Home", 10, true), check("Login", 30, true)], outcome: "pass", reasonCode: "TARGET_MET", observed: 100, coverage: 1 },
    { name: "a fresh failing check → fail, naming it", checks: [check("Home", 10, true), check("Checkout", 10, false, "HTTP 500, expected 200")], outcome: "fail", reasonCode: "TARGET_MISSED", observed: 50, coverage: 1 },
    { name: "a check that never ran → inconclusive, not pass", checks: [check("Home", 10, true), check("Login", null, null)], outcome: "inconclusive", reasonCode: "LOW_COVERAGE", observed: 100, coverage: 0.5 },
    { name: "a result older than two intervals is stale → inconclusive", checks: [check("Home", 121, true)], outcome: "inconclusive", reasonCode: "LOW_COVERAGE", observed: null, coverage: 0 },
    { name: "a failing check fails even while another is stale", checks: [check("Home", 500, true), check("Checkout", 5, false)], outcome: "fail", reasonCode: "TARGET_MISSED", observed: 0, coverage: 0.5 },
    { name: "no checks defined → inconclusive", checks: [], outcome: "inconclusive", reasonCode: "NO_DATA", observed: null, coverage: 0 },
  ])("$name", ({ checks, outcome, reasonCode, observed, coverage }) => {
    const measurement = measureSyntheticChecks(criterion, checks, now);
    expect(measurement).toMatchObject({ outcome, reasonCode });
    expect(measurement.values.observed).toBe(observed);
    expect(measurement.values.windowCoverage).toBe(coverage);
  });

  it("names the failing checks and what they answered", () => {
    const measurement = measureSyntheticChecks(criterion, [check("Checkout", 10, false, "HTTP 500, expected 200")], now);
    expect(measurement.reason).toBe("1 of 1 key-feature checks fail, 0 % pass, needs ≥ 100 %: Checkout (HTTP 500, expected 200)");
  });
});
