import { describe, expect, it } from "vitest";
import { percentile, windowCoverage } from "./aggregate";
import { combineAnalysis, evaluateCriterion, type CriterionResult, type CriterionSamples, type CriterionSpec, type EvaluationOptions, type PriorOutcome, type Sample } from "./engine";

const now = new Date("2026-12-01T12:00:00.000Z");

// One sample per second ending at `now`, oldest first.
function series(values: readonly number[], spacingMs = 1000, end = now): Sample[] {
  return values.map((value, i) => ({ at: new Date(end.getTime() - (values.length - 1 - i) * spacingMs), value }));
}

function repeat(value: number, count: number): number[] {
  return Array.from({ length: count }, () => value);
}

function criterion(overrides: Partial<CriterionSpec> = {}): CriterionSpec {
  return {
    key: "rollback.error-rate",
    kind: "rollback",
    metric: "error_rate",
    aggregation: "avg",
    comparator: "gt",
    threshold: 5,
    windowSec: 10,
    environment: "green",
    baseline: null,
    relativePercent: null,
    failureLimit: 0,
    consecutiveBreaches: 1,
    inconclusiveLimit: 0,
    isKey: false,
    dryRun: false,
    ...overrides,
  };
}

function history(...outcomes: PriorOutcome["outcome"][]): PriorOutcome[] {
  // Oldest first, one minute apart, all before `now`.
  return outcomes.map((outcome, i) => ({ outcome, at: new Date(now.getTime() - (outcomes.length - i) * 60_000) }));
}

interface Case {
  name: string;
  criterion: Partial<CriterionSpec>;
  samples: CriterionSamples;
  history?: PriorOutcome[];
  options?: EvaluationOptions;
  outcome: "pass" | "fail" | "inconclusive";
  judgement?: "pass" | "fail" | "inconclusive" | "pending";
  reasonCode: string;
  observed?: number | null;
  threshold?: number | null;
  baseline?: number | null;
  reason?: RegExp;
  actionable?: boolean;
}

// Ten samples, one a second, over a ten-second window: full coverage.
const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

const aggregationCases: Case[] = [
  { name: "avg of the window", criterion: { aggregation: "avg", threshold: 6 }, samples: { target: series(values) }, outcome: "pass", reasonCode: "WITHIN_LIMIT", observed: 5.5, reason: /5\.5, not > 6/ },
  { name: "min of the window", criterion: { aggregation: "min", comparator: "lt", threshold: 2 }, samples: { target: series(values) }, outcome: "fail", reasonCode: "BREACH", observed: 1 },
  { name: "max of the window", criterion: { aggregation: "max", threshold: 9 }, samples: { target: series(values) }, outcome: "fail", reasonCode: "BREACH", observed: 10 },
  { name: "last is the newest sample, whatever the order given", criterion: { aggregation: "last", threshold: 5 }, samples: { target: [...series(values)].reverse() }, outcome: "fail", reasonCode: "BREACH", observed: 10 },
  { name: "p95 by nearest rank", criterion: { aggregation: "p95", kind: "success", comparator: "lte", threshold: 10 }, samples: { target: series(values) }, outcome: "pass", reasonCode: "TARGET_MET", observed: 10 },
  { name: "p95 ignores the one outlier in twenty", criterion: { aggregation: "p95", kind: "success", comparator: "lte", threshold: 200, windowSec: 20 }, samples: { target: series([...repeat(100, 19), 5000]) }, outcome: "pass", reasonCode: "TARGET_MET", observed: 100 },
  { name: "sum of the window", criterion: { aggregation: "sum", comparator: "gte", threshold: 55 }, samples: { target: series(values) }, outcome: "fail", reasonCode: "BREACH", observed: 55 },
  {
    name: "ratio is 100 × Σ numerator / Σ denominator",
    criterion: { aggregation: "ratio", metric: "errors/requests", threshold: 5 },
    samples: { target: series(repeat(8, 10)), targetDenominator: series(repeat(100, 10)) },
    outcome: "fail",
    reasonCode: "BREACH",
    observed: 8,
  },
  {
    name: "ratio with a zero denominator is inconclusive",
    criterion: { aggregation: "ratio", metric: "errors/requests", threshold: 5 },
    samples: { target: series(repeat(0, 10)), targetDenominator: series(repeat(0, 10)) },
    outcome: "inconclusive",
    reasonCode: "ZERO_DENOMINATOR",
  },
];

// Rollback criteria name the breach; success criteria name the target.
const comparatorCases: Case[] = [
  { name: "rollback lt breached below", criterion: { comparator: "lt", threshold: 90, metric: "availability" }, samples: { target: series(repeat(80, 10)) }, outcome: "fail", reasonCode: "BREACH" },
  { name: "rollback lt at the threshold holds", criterion: { comparator: "lt", threshold: 90 }, samples: { target: series(repeat(90, 10)) }, outcome: "pass", reasonCode: "WITHIN_LIMIT" },
  { name: "rollback lte breached at the threshold", criterion: { comparator: "lte", threshold: 90 }, samples: { target: series(repeat(90, 10)) }, outcome: "fail", reasonCode: "BREACH" },
  { name: "rollback gt at the threshold holds", criterion: { comparator: "gt", threshold: 5 }, samples: { target: series(repeat(5, 10)) }, outcome: "pass", reasonCode: "WITHIN_LIMIT" },
  { name: "rollback gt breached above", criterion: { comparator: "gt", threshold: 5 }, samples: { target: series(repeat(8, 10)) }, outcome: "fail", reasonCode: "BREACH", reason: /= 8 > 5: rollback condition met/ },
  { name: "rollback gte breached at the threshold", criterion: { comparator: "gte", threshold: 5 }, samples: { target: series(repeat(5, 10)) }, outcome: "fail", reasonCode: "BREACH" },
  { name: "rollback eq breached when equal within rounding", criterion: { comparator: "eq", threshold: 0.3 }, samples: { target: series(repeat(0.1 + 0.2, 10)) }, outcome: "fail", reasonCode: "BREACH" },
  { name: "success gte met", criterion: { kind: "success", comparator: "gte", threshold: 99.9 }, samples: { target: series(repeat(99.95, 10)) }, outcome: "pass", reasonCode: "TARGET_MET" },
  { name: "success gte missed", criterion: { kind: "success", comparator: "gte", threshold: 99.9 }, samples: { target: series(repeat(99.2, 10)) }, outcome: "fail", reasonCode: "TARGET_MISSED", reason: /99\.2, needs ≥ 99\.9/ },
  { name: "success lt missed at the threshold", criterion: { kind: "success", comparator: "lt", threshold: 15 }, samples: { target: series(repeat(15, 10)) }, outcome: "fail", reasonCode: "TARGET_MISSED" },
  { name: "success lte met at the threshold", criterion: { kind: "success", comparator: "lte", threshold: 200 }, samples: { target: series(repeat(200, 10)) }, outcome: "pass", reasonCode: "TARGET_MET" },
  { name: "success gt missed at the threshold", criterion: { kind: "success", comparator: "gt", threshold: 0 }, samples: { target: series(repeat(0, 10)) }, outcome: "fail", reasonCode: "TARGET_MISSED" },
  { name: "success eq met", criterion: { kind: "success", comparator: "eq", threshold: 100 }, samples: { target: series(repeat(100, 10)) }, outcome: "pass", reasonCode: "TARGET_MET" },
];

const baselineCases: Case[] = [
  {
    name: "green error rate more than 50 % above blue's breaches",
    criterion: { baseline: "blue", relativePercent: 50, threshold: null },
    samples: { target: series(repeat(8, 10)), baseline: series(repeat(4, 10)) },
    outcome: "fail",
    reasonCode: "BREACH",
    observed: 8,
    baseline: 4,
    threshold: 6,
    reason: /\(blue 4 \+ 50 %\)/,
  },
  {
    name: "green error rate within 50 % of blue's holds",
    criterion: { baseline: "blue", relativePercent: 50, threshold: null },
    samples: { target: series(repeat(5, 10)), baseline: series(repeat(4, 10)) },
    outcome: "pass",
    reasonCode: "WITHIN_LIMIT",
    threshold: 6,
  },
  {
    name: "green availability more than 5 % below blue's breaches (lt: lower is worse)",
    criterion: { metric: "availability", comparator: "lt", baseline: "blue", relativePercent: 5, threshold: null },
    samples: { target: series(repeat(90, 10)), baseline: series(repeat(100, 10)) },
    outcome: "fail",
    reasonCode: "BREACH",
    threshold: 95,
    reason: /blue 100 − 5 %/,
  },
  {
    name: "success latency within 10 % of blue passes (lte: higher is worse)",
    criterion: { kind: "success", metric: "latency_p95", comparator: "lte", baseline: "blue", relativePercent: 10, threshold: null },
    samples: { target: series(repeat(105, 10)), baseline: series(repeat(100, 10)) },
    outcome: "pass",
    reasonCode: "TARGET_MET",
    threshold: 110,
  },
  {
    name: "success availability more than 1 % below blue fails (gte: lower is worse)",
    criterion: { kind: "success", metric: "availability", comparator: "gte", baseline: "blue", relativePercent: 1, threshold: null },
    samples: { target: series(repeat(97, 10)), baseline: series(repeat(99.5, 10)) },
    outcome: "fail",
    reasonCode: "TARGET_MISSED",
    threshold: 98.505,
  },
  {
    name: "no baseline samples is inconclusive",
    criterion: { baseline: "blue", relativePercent: 50, threshold: null },
    samples: { target: series(repeat(8, 10)), baseline: [] },
    outcome: "inconclusive",
    reasonCode: "NO_BASELINE",
  },
  {
    name: "ratio relative to blue's ratio",
    criterion: { aggregation: "ratio", metric: "errors/requests", baseline: "blue", relativePercent: 100, threshold: null },
    samples: {
      target: series(repeat(3, 10)),
      targetDenominator: series(repeat(100, 10)),
      baseline: series(repeat(1, 10)),
      baselineDenominator: series(repeat(100, 10)),
    },
    outcome: "fail",
    reasonCode: "BREACH",
    observed: 3,
    baseline: 1,
    threshold: 2,
  },
];

const missingDataCases: Case[] = [
  { name: "no samples is inconclusive, never pass", criterion: {}, samples: { target: [] }, outcome: "inconclusive", reasonCode: "NO_DATA" },
  { name: "samples outside the window do not count", criterion: {}, samples: { target: series(repeat(1, 10), 1000, new Date(now.getTime() - 60_000)) }, outcome: "inconclusive", reasonCode: "NO_DATA" },
  { name: "only NaN samples is inconclusive", criterion: {}, samples: { target: series(repeat(Number.NaN, 10)) }, outcome: "inconclusive", reasonCode: "NOT_A_NUMBER" },
  { name: "infinite samples are dropped, the finite rest is judged", criterion: {}, samples: { target: series([...repeat(1, 9), Number.POSITIVE_INFINITY]) }, outcome: "pass", reasonCode: "WITHIN_LIMIT", observed: 1 },
  { name: "one sample is too few for avg", criterion: {}, samples: { target: series([1]) }, outcome: "inconclusive", reasonCode: "TOO_FEW_SAMPLES" },
  { name: "one sample is enough for last", criterion: { aggregation: "last" }, samples: { target: series([9]) }, outcome: "fail", reasonCode: "BREACH" },
  {
    name: "data over a fifth of the window is inconclusive, with the value so far",
    criterion: { windowSec: 50 },
    samples: { target: series(repeat(1, 10)) },
    outcome: "inconclusive",
    reasonCode: "LOW_COVERAGE",
    observed: 1,
    reason: /covers 20 % of the window, at least 50 % needed; value so far 1/,
  },
  { name: "a source that could not be read is inconclusive", criterion: {}, samples: { target: series(repeat(1, 10)), sourceError: "HTTP 500 from Prometheus" }, outcome: "inconclusive", reasonCode: "SOURCE_ERROR", reason: /HTTP 500/ },
  { name: "an unknown aggregation is inconclusive", criterion: { aggregation: "median" }, samples: { target: series(values) }, outcome: "inconclusive", reasonCode: "MISCONFIGURED" },
  { name: "no threshold is inconclusive", criterion: { threshold: null }, samples: { target: series(values) }, outcome: "inconclusive", reasonCode: "MISCONFIGURED" },
  { name: "a relative eq is inconclusive", criterion: { comparator: "eq", baseline: "blue", relativePercent: 5 }, samples: { target: series(values) }, outcome: "inconclusive", reasonCode: "MISCONFIGURED" },
  { name: "an explicit window start judges from there", criterion: { windowSec: 300 }, samples: { target: series(repeat(8, 10)) }, options: { from: new Date(now.getTime() - 10_000) }, outcome: "fail", reasonCode: "BREACH", reason: /over 10 s/ },
];

const limitCases: Case[] = [
  { name: "first breach of three needed is pending", criterion: { consecutiveBreaches: 3 }, samples: { target: series(repeat(8, 10)) }, outcome: "fail", judgement: "pending", reasonCode: "BREACH", actionable: false, reason: /breach 1 in a row, 3 needed/ },
  { name: "third breach in a row acts", criterion: { consecutiveBreaches: 3 }, samples: { target: series(repeat(8, 10)) }, history: history("fail", "fail"), outcome: "fail", judgement: "fail", reasonCode: "BREACH", actionable: true },
  { name: "a pass breaks the streak", criterion: { consecutiveBreaches: 3 }, samples: { target: series(repeat(8, 10)) }, history: history("fail", "pass", "fail"), outcome: "fail", judgement: "pending", reasonCode: "BREACH" },
  { name: "failures within the failure limit are tolerated", criterion: { failureLimit: 2 }, samples: { target: series(repeat(8, 10)) }, history: history("fail", "pass"), outcome: "fail", judgement: "pending", reasonCode: "BREACH", reason: /failure 2 of 2 tolerated/ },
  { name: "one failure past the failure limit acts", criterion: { failureLimit: 2 }, samples: { target: series(repeat(8, 10)) }, history: history("fail", "pass", "fail"), outcome: "fail", judgement: "fail", reasonCode: "BREACH", actionable: true },
  { name: "inconclusive within its limit is pending", criterion: { inconclusiveLimit: 1 }, samples: { target: [] }, outcome: "inconclusive", judgement: "pending", reasonCode: "NO_DATA" },
  { name: "inconclusive past its limit is inconclusive", criterion: { inconclusiveLimit: 1 }, samples: { target: [] }, history: history("inconclusive"), outcome: "inconclusive", judgement: "inconclusive", reasonCode: "NO_DATA" },
  { name: "a dry run is judged but never actionable", criterion: { dryRun: true }, samples: { target: series(repeat(8, 10)) }, outcome: "fail", judgement: "fail", reasonCode: "BREACH", actionable: false, reason: /dry run/ },
];

const manualCases: Case[] = [
  { name: "an unflagged people check of a rollback passes", criterion: { metric: null, aggregation: null, comparator: null, threshold: null }, samples: { target: [] }, outcome: "pass", reasonCode: "NOT_FLAGGED" },
  {
    name: "a flagged people check acts at once, whatever the limits",
    criterion: { metric: null, consecutiveBreaches: 3 },
    samples: { target: [], manual: { outcome: "fail", note: "orders table lost rows", by: "kim@example.com", at: now } },
    outcome: "fail",
    judgement: "fail",
    reasonCode: "MANUAL_FLAG",
    actionable: true,
    reason: /flagged by kim@example.com.*orders table lost rows/,
  },
  { name: "an unconfirmed people check of success waits", criterion: { kind: "success", metric: null }, samples: { target: [] }, outcome: "inconclusive", reasonCode: "AWAITING_CONFIRMATION" },
];

describe("evaluateCriterion", () => {
  const groups: [string, Case[]][] = [
    ["aggregations", aggregationCases],
    ["comparators", comparatorCases],
    ["relative to a baseline", baselineCases],
    ["missing and bad data", missingDataCases],
    ["limits and dry run", limitCases],
    ["checks made by people", manualCases],
  ];
  for (const [group, cases] of groups) {
    describe(group, () => {
      it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
        const result = evaluateCriterion(criterion(c.criterion), c.samples, c.history ?? [], now, c.options);
        expect(result.outcome).toBe(c.outcome);
        expect(result.reasonCode).toBe(c.reasonCode);
        expect(result.judgement).toBe(c.judgement ?? c.outcome);
        if (c.observed !== undefined) expect(result.values.observed).toBeCloseTo(c.observed as number, 6);
        if (c.threshold !== undefined) expect(result.values.threshold).toBeCloseTo(c.threshold as number, 6);
        if (c.baseline !== undefined) expect(result.values.baseline).toBeCloseTo(c.baseline as number, 6);
        if (c.reason) expect(result.reason).toMatch(c.reason);
        if (c.actionable !== undefined) expect(result.actionable).toBe(c.actionable);
        if (result.outcome === "inconclusive") expect(result.actionable).toBe(false);
      });
    });
  }

  it("reports sample count, coverage and the window it judged", () => {
    const result = evaluateCriterion(criterion(), { target: series(values) }, [], now);
    expect(result.values).toMatchObject({ sampleCount: 10, windowCoverage: 1, from: "2026-12-01T11:59:50.000Z", to: now.toISOString() });
  });

  it("counts breaches in a row and failures overall", () => {
    const result = evaluateCriterion(criterion({ consecutiveBreaches: 2 }), { target: series(repeat(8, 10)) }, history("fail", "pass", "fail"), now);
    expect(result).toMatchObject({ breachCount: 2, failureCount: 3, judgement: "fail", actionable: true });
  });
});

describe("windowCoverage", () => {
  it.each([
    ["a full window of 1 s samples", series(repeat(1, 10)), 10_000, undefined, 1],
    ["the second half of the window", series(repeat(1, 5)), 10_000, undefined, 0.5],
    ["a hole in the middle counts one spacing", [...series(repeat(1, 3), 1000, new Date(now.getTime() - 7000)), ...series(repeat(1, 3))], 10_000, undefined, 0.6],
    ["stale data: nothing since the window's first seconds", series(repeat(1, 3), 1000, new Date(now.getTime() - 7000)), 10_000, undefined, 0.3],
    ["a single sample with a known interval", series([1]), 10_000, 5000, 0.5],
    ["no samples", [], 10_000, undefined, 0],
  ] as const)("%s", (_name, samples, windowMs, interval, expected) => {
    expect(windowCoverage(samples, new Date(now.getTime() - windowMs), now, interval)).toBeCloseTo(expected, 2);
  });
});

describe("percentile", () => {
  it.each([
    { list: [5], p: 95, expected: 5 },
    { list: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], p: 95, expected: 10 },
    { list: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], p: 50, expected: 5 },
    { list: Array.from({ length: 100 }, (_, i) => i + 1), p: 95, expected: 95 },
  ])("p$p of $list.length values is $expected", ({ list, p, expected }) => {
    expect(percentile(list, p)).toBe(expected);
  });
});

describe("combineAnalysis", () => {
  function result(key: string, judgement: CriterionResult["judgement"], extra: Partial<CriterionResult> = {}): CriterionResult {
    const outcome = judgement === "pending" ? "fail" : judgement;
    return {
      criterionKey: key,
      outcome,
      judgement,
      actionable: judgement === "fail",
      values: { observed: 1, threshold: 1, sampleCount: 10, windowCoverage: 1, from: now.toISOString(), to: now.toISOString() },
      reason: `${key} ${judgement}`,
      reasonCode: "WITHIN_LIMIT",
      breachCount: 0,
      failureCount: 0,
      inconclusiveCount: 0,
      isKey: false,
      dryRun: false,
      ...extra,
    };
  }

  it.each([
    { name: "all pass → pass", results: [result("a", "pass"), result("b", "pass")], outcome: "pass", settled: true },
    { name: "any failure → fail (all must pass by default)", results: [result("a", "pass"), result("b", "fail")], outcome: "fail", settled: true },
    { name: "inconclusive and pass → inconclusive", results: [result("a", "pass"), result("b", "inconclusive")], outcome: "inconclusive", settled: true },
    { name: "pending → inconclusive, not settled", results: [result("a", "pass"), result("b", "pending")], outcome: "inconclusive", settled: false },
    { name: "a failing key criterion fails below the minimum score too", results: [result("a", "pass"), result("b", "pass"), result("c", "pass"), result("k", "fail", { isKey: true })], minScore: 0.5, outcome: "fail", settled: true },
    { name: "a failing non-key criterion is tolerated above the minimum score", results: [result("a", "pass"), result("b", "pass"), result("c", "pass"), result("d", "fail")], minScore: 0.75, outcome: "pass", settled: true },
    { name: "a failing dry run does not count", results: [result("a", "pass"), result("d", "fail", { dryRun: true, actionable: false })], outcome: "pass", settled: true },
    { name: "only dry runs → inconclusive", results: [result("d", "pass", { dryRun: true })], outcome: "inconclusive", settled: true },
    { name: "nothing to judge → inconclusive, never pass", results: [], outcome: "inconclusive", settled: true },
  ])("$name", ({ results, minScore, outcome, settled }) => {
    const analysis = combineAnalysis(results, { minScore });
    expect(analysis.outcome).toBe(outcome);
    expect(analysis.settled).toBe(settled);
  });

  it("names the failing key criterion and its reason", () => {
    const analysis = combineAnalysis([result("rollback.error-rate", "fail", { isKey: true, reason: "error_rate = 8 > 5" })]);
    expect(analysis.reason).toBe("key criterion failed — rollback.error-rate: error_rate = 8 > 5");
    expect(analysis.failing).toEqual(["rollback.error-rate"]);
    expect(analysis.score).toBe(0);
  });
});
