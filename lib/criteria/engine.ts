import { aggregate, windowCoverage, type Sample } from "./aggregate";
import { comparatorSymbols, isAggregation, isComparator, type Aggregation, type Comparator, type Outcome } from "./vocabulary";

// The criteria engine: pure functions from a criterion, its samples and its
// recent outcomes to a judgement with the values behind it and the reason in
// English. Nothing here reads the database or the clock.
//
// What the comparator means depends on the criterion's kind, as the plan
// words them: a rollback criterion states when to roll back ("error_rate gt
// 5": fail when above 5), a success criterion states what must hold
// ("availability gte 99.9": pass when at or above). Relative to a baseline
// (green judged against blue), the threshold is the baseline's value moved
// by relativePercent in the bad direction: "error_rate gt, 50 %" fails when
// green's error rate is more than 1.5 × blue's.
//
// Missing, non-numeric, too few or too sparse samples, an unreadable source
// or a misconfigured criterion are inconclusive — never a pass.

export type { Sample } from "./aggregate";

export interface CriterionSpec {
  key: string;
  kind: "rollback" | "success";
  // Null for a check made by people (a flag they set), see `manual`.
  metric: string | null;
  aggregation: string | null;
  comparator: string | null;
  threshold: number | null;
  windowSec: number | null;
  environment: string;
  // The environment whose value the threshold is relative to, if any.
  baseline: string | null;
  relativePercent: number | null;
  // Failed measurements tolerated (in the history given) before acting.
  failureLimit: number;
  // Failed measurements needed in a row before acting.
  consecutiveBreaches: number;
  // Inconclusive measurements in a row tolerated before the criterion is
  // judged inconclusive.
  inconclusiveLimit: number;
  isKey: boolean;
  dryRun: boolean;
}

// A person's call on a metric-less criterion ("data loss found": fail).
export interface ManualFlag {
  outcome: "pass" | "fail";
  note: string;
  by: string;
  at: Date;
}

export interface CriterionSamples {
  target: readonly Sample[];
  baseline?: readonly Sample[];
  // For the ratio aggregation: the denominators of target and baseline.
  targetDenominator?: readonly Sample[];
  baselineDenominator?: readonly Sample[];
  // Why the source could not be read (timeout, HTTP error, quiet source).
  sourceError?: string;
  // For metric-less criteria: the last flag a person set, if any.
  manual?: ManualFlag | null;
}

export interface PriorOutcome {
  outcome: Outcome;
  at: Date;
}

export interface EvaluationOptions {
  // Start of the window judged; default `now − windowSec` (the cutover's
  // analysis judges the bake window instead).
  from?: Date;
  // Fewest samples that can be judged; default 1 for `last`, else 2.
  minSamples?: number;
  // Smallest share of the window with data; default 0.5 (`last` needs none).
  minCoverage?: number;
  // The source's sampling interval, if known (else inferred from the samples).
  expectedIntervalMs?: number;
}

export type ReasonCode =
  | "BREACH"
  | "WITHIN_LIMIT"
  | "TARGET_MET"
  | "TARGET_MISSED"
  | "NO_DATA"
  | "NOT_A_NUMBER"
  | "TOO_FEW_SAMPLES"
  | "LOW_COVERAGE"
  | "ZERO_DENOMINATOR"
  | "NO_BASELINE"
  | "SOURCE_ERROR"
  | "MISCONFIGURED"
  | "MANUAL_FLAG"
  | "MANUAL_CLEAR"
  | "NOT_FLAGGED"
  | "AWAITING_CONFIRMATION";

// After the limits: "pending" is a measured failure still within the
// tolerated failures, or an inconclusive one within the inconclusive limit —
// measure again before deciding.
export type Judgement = Outcome | "pending";

export interface CriterionValues {
  observed: number | null;
  baseline?: number | null;
  threshold: number | null;
  sampleCount: number;
  baselineSampleCount?: number;
  windowCoverage: number;
  from: string;
  to: string;
}

export interface CriterionResult {
  criterionKey: string;
  // This measurement.
  outcome: Outcome;
  judgement: Judgement;
  // A judged failure that may act (alert, rollback): never for a dry run.
  actionable: boolean;
  values: CriterionValues;
  reason: string;
  reasonCode: ReasonCode;
  // Failures in a row, this one included.
  breachCount: number;
  // Failures in the history given, this one included.
  failureCount: number;
  // Inconclusive measurements in a row, this one included.
  inconclusiveCount: number;
  isKey: boolean;
  dryRun: boolean;
}

// One measurement before the limits apply; other judges (the synthetic
// checks) produce one too and share the limits through judgeMeasurement.
export interface Measurement {
  outcome: Outcome;
  reasonCode: ReasonCode;
  reason: string;
  values: CriterionValues;
  // People's flags are decisions, not measurements: no limits apply.
  manual: boolean;
}

export function evaluateCriterion(
  criterion: CriterionSpec,
  samples: CriterionSamples,
  history: readonly PriorOutcome[],
  now: Date,
  options: EvaluationOptions = {},
): CriterionResult {
  return judgeMeasurement(criterion, measure(criterion, samples, now, options), history);
}

function measure(criterion: CriterionSpec, samples: CriterionSamples, now: Date, options: EvaluationOptions): Measurement {
  const windowMs = (criterion.windowSec ?? 0) * 1000;
  const from = options.from ?? new Date(now.getTime() - windowMs);
  const values: CriterionValues = { observed: null, threshold: criterion.threshold, sampleCount: 0, windowCoverage: 0, from: from.toISOString(), to: now.toISOString() };
  const result = (outcome: Outcome, reasonCode: ReasonCode, reason: string): Measurement => ({ outcome, reasonCode, reason, values, manual: false });

  if (criterion.metric === null) return measureManual(criterion, samples.manual ?? null, values);

  const config = readConfig(criterion);
  if ("problem" in config) return result("inconclusive", "MISCONFIGURED", `${criterion.key} cannot be judged: ${config.problem}`);
  const { aggregation, comparator } = config;
  const subject = `${criterion.metric} on ${criterion.environment}, ${aggregation} over ${formatDuration(now.getTime() - from.getTime())}`;

  if (samples.sourceError) return result("inconclusive", "SOURCE_ERROR", `${subject}: the metric source could not be read (${samples.sourceError})`);

  const inWindow = (list: readonly Sample[] | undefined) => (list ?? []).filter((s) => s.at.getTime() > from.getTime() && s.at.getTime() <= now.getTime());
  const windowed = inWindow(samples.target);
  const target = windowed.filter((s) => Number.isFinite(s.value));
  values.sampleCount = target.length;
  values.windowCoverage = round(windowCoverage(target, from, now, options.expectedIntervalMs), 4);
  if (windowed.length === 0) return result("inconclusive", "NO_DATA", `${subject}: no samples in the window`);
  if (target.length === 0) return result("inconclusive", "NOT_A_NUMBER", `${subject}: every sample in the window is NaN or infinite`);

  const denominator = aggregation === "ratio" ? inWindow(samples.targetDenominator).filter((s) => Number.isFinite(s.value)) : [];
  const observed = aggregate(aggregation, target, denominator);
  values.observed = observed === null || !Number.isFinite(observed) ? null : round(observed, 6);

  const minSamples = options.minSamples ?? (aggregation === "last" ? 1 : 2);
  if (target.length < minSamples) return result("inconclusive", "TOO_FEW_SAMPLES", `${subject}: ${target.length} sample(s), at least ${minSamples} needed`);
  const minCoverage = aggregation === "last" ? 0 : (options.minCoverage ?? 0.5);
  if (values.windowCoverage < minCoverage) {
    const soFar = values.observed === null ? "" : `; value so far ${format(values.observed)}`;
    return result("inconclusive", "LOW_COVERAGE", `${subject}: data covers ${percent(values.windowCoverage)} of the window, at least ${percent(minCoverage)} needed${soFar}`);
  }
  if (observed === null && aggregation === "ratio") return result("inconclusive", "ZERO_DENOMINATOR", `${subject}: the denominator sums to zero`);
  if (values.observed === null) return result("inconclusive", "NOT_A_NUMBER", `${subject}: the ${aggregation} is not a finite number`);

  let threshold = criterion.threshold;
  let thresholdText = "";
  if (criterion.baseline !== null) {
    const baselineSamples = inWindow(samples.baseline).filter((s) => Number.isFinite(s.value));
    const baselineDenominator = aggregation === "ratio" ? inWindow(samples.baselineDenominator).filter((s) => Number.isFinite(s.value)) : [];
    const baseline = baselineSamples.length >= minSamples ? aggregate(aggregation, baselineSamples, baselineDenominator) : null;
    values.baselineSampleCount = baselineSamples.length;
    values.baseline = baseline === null || !Number.isFinite(baseline) ? null : round(baseline, 6);
    if (values.baseline === null) {
      return result("inconclusive", "NO_BASELINE", `${subject}: no usable ${criterion.baseline} baseline (${baselineSamples.length} sample(s))`);
    }
    const relative = criterion.relativePercent ?? 0;
    const sign = higherIsWorse(criterion.kind, comparator) ? 1 : -1;
    threshold = round(values.baseline * (1 + (sign * relative) / 100), 6);
    thresholdText = ` (${criterion.baseline} ${format(values.baseline)} ${sign > 0 ? "+" : "−"} ${format(relative)} %)`;
  }
  values.threshold = threshold;
  if (threshold === null) return result("inconclusive", "MISCONFIGURED", `${criterion.key} cannot be judged: it has no threshold`);

  const holds = compare(values.observed, comparator, threshold);
  const symbol = comparatorSymbols[comparator];
  const shown = `${subject} = ${format(values.observed)}`;
  if (criterion.kind === "rollback") {
    return holds
      ? result("fail", "BREACH", `${shown} ${symbol} ${format(threshold)}${thresholdText}: rollback condition met`)
      : result("pass", "WITHIN_LIMIT", `${shown}, not ${symbol} ${format(threshold)}${thresholdText}`);
  }
  return holds
    ? result("pass", "TARGET_MET", `${shown} ${symbol} ${format(threshold)}${thresholdText}`)
    : result("fail", "TARGET_MISSED", `${shown}, needs ${symbol} ${format(threshold)}${thresholdText}`);
}

// A rollback check made by people passes until someone flags it; a success
// check made by people waits for someone to confirm it.
function measureManual(criterion: CriterionSpec, flag: ManualFlag | null, values: CriterionValues): Measurement {
  const manual = (outcome: Outcome, reasonCode: ReasonCode, reason: string): Measurement => ({ outcome, reasonCode, reason, values, manual: true });
  if (!flag) {
    return criterion.kind === "rollback"
      ? manual("pass", "NOT_FLAGGED", `${criterion.key}: checked by people; nobody has flagged it`)
      : manual("inconclusive", "AWAITING_CONFIRMATION", `${criterion.key}: checked by people; nobody has confirmed it yet`);
  }
  const note = flag.note ? `: ${flag.note}` : "";
  return flag.outcome === "fail"
    ? manual("fail", "MANUAL_FLAG", `${criterion.key} flagged by ${flag.by} at ${flag.at.toISOString()}${note}`)
    : manual("pass", "MANUAL_CLEAR", `${criterion.key} ${criterion.kind === "rollback" ? "cleared" : "confirmed"} by ${flag.by} at ${flag.at.toISOString()}${note}`);
}

export function judgeMeasurement(criterion: CriterionSpec, measurement: Measurement, history: readonly PriorOutcome[]): CriterionResult {
  const newestFirst = [...history].sort((a, b) => b.at.getTime() - a.at.getTime());
  const streak = (outcome: Outcome) => {
    const index = newestFirst.findIndex((prior) => prior.outcome !== outcome);
    return index === -1 ? newestFirst.length : index;
  };
  const failed = measurement.outcome === "fail";
  const breachCount = failed ? 1 + streak("fail") : 0;
  const failureCount = (failed ? 1 : 0) + newestFirst.filter((prior) => prior.outcome === "fail").length;
  const inconclusiveCount = measurement.outcome === "inconclusive" ? 1 + streak("inconclusive") : 0;

  let judgement: Judgement = measurement.outcome;
  let reason = measurement.reason;
  if (!measurement.manual && measurement.outcome === "fail") {
    const needMore = breachCount < criterion.consecutiveBreaches;
    const tolerated = failureCount <= criterion.failureLimit;
    if (needMore || tolerated) {
      judgement = "pending";
      if (needMore) reason += `; breach ${breachCount} in a row, ${criterion.consecutiveBreaches} needed before acting`;
      if (tolerated) reason += `; failure ${failureCount} of ${criterion.failureLimit} tolerated`;
    }
  }
  if (!measurement.manual && measurement.outcome === "inconclusive" && inconclusiveCount <= criterion.inconclusiveLimit) {
    judgement = "pending";
    reason += `; inconclusive ${inconclusiveCount} in a row, ${criterion.inconclusiveLimit} tolerated`;
  }
  if (criterion.dryRun) reason += " (dry run: recorded, never acted on)";

  return {
    criterionKey: criterion.key,
    outcome: measurement.outcome,
    judgement,
    actionable: judgement === "fail" && !criterion.dryRun,
    values: measurement.values,
    reason,
    reasonCode: measurement.reasonCode,
    breachCount,
    failureCount,
    inconclusiveCount,
    isKey: criterion.isKey,
    dryRun: criterion.dryRun,
  };
}

export interface AnalysisOptions {
  // Share of the counted criteria that must pass; default 1 (all of them).
  // Below 1, non-key criteria may fail without failing the analysis; a key
  // criterion that fails always fails it.
  minScore?: number;
}

export interface AnalysisResult {
  outcome: Outcome;
  // False while a criterion is pending: measure again before deciding.
  settled: boolean;
  // Passing share of the counted criteria; null when none counted.
  score: number | null;
  reason: string;
  failing: string[];
  undecided: string[];
}

// One verdict from several criteria. Dry-run criteria are recorded but never
// counted; with nothing counted the analysis is inconclusive, never a pass.
export function combineAnalysis(results: readonly CriterionResult[], options: AnalysisOptions = {}): AnalysisResult {
  const minScore = options.minScore ?? 1;
  const counted = results.filter((result) => !result.dryRun);
  const failing = counted.filter((result) => result.judgement === "fail");
  const pending = counted.filter((result) => result.judgement === "pending");
  const undecided = counted.filter((result) => result.judgement === "inconclusive" || result.judgement === "pending");
  const passing = counted.filter((result) => result.judgement === "pass");
  const keys = (list: readonly CriterionResult[]) => list.map((result) => result.criterionKey);
  const reasons = (list: readonly CriterionResult[]) => list.map((result) => `${result.criterionKey}: ${result.reason}`).join("; ");
  const summary = (outcome: Outcome, settled: boolean, reason: string): AnalysisResult => ({
    outcome,
    settled,
    score: counted.length === 0 ? null : round(passing.length / counted.length, 4),
    reason,
    failing: keys(failing),
    undecided: keys(undecided),
  });

  if (counted.length === 0) return summary("inconclusive", true, "no criteria to judge (dry-run criteria are only recorded)");
  const keyFailing = failing.filter((result) => result.isKey);
  if (keyFailing.length > 0) return summary("fail", true, `key criterion failed — ${reasons(keyFailing)}`);
  const bestScore = (passing.length + undecided.length) / counted.length;
  if (failing.length > 0 && bestScore < minScore) return summary("fail", true, reasons(failing));
  if (pending.length > 0) return summary("inconclusive", false, `measuring again — ${reasons(pending)}`);
  if (undecided.length > 0) return summary("inconclusive", true, reasons(undecided));
  const tolerated = failing.length > 0 ? ` (tolerated below the minimum score: ${reasons(failing)})` : "";
  return summary("pass", true, `${passing.length} of ${counted.length} criteria pass${tolerated}`);
}

function readConfig(criterion: CriterionSpec): { aggregation: Aggregation; comparator: Comparator } | { problem: string } {
  if (!isAggregation(criterion.aggregation)) return { problem: `unknown aggregation "${criterion.aggregation ?? ""}"` };
  if (!isComparator(criterion.comparator)) return { problem: `unknown comparator "${criterion.comparator ?? ""}"` };
  if (!criterion.windowSec || criterion.windowSec <= 0) return { problem: "it has no window" };
  if (criterion.baseline !== null && criterion.comparator === "eq") return { problem: "a relative criterion needs a direction (lt, lte, gt or gte), not eq" };
  if (criterion.baseline !== null && (criterion.relativePercent === null || !Number.isFinite(criterion.relativePercent))) return { problem: "a relative criterion needs relativePercent" };
  if (criterion.baseline === null && (criterion.threshold === null || !Number.isFinite(criterion.threshold))) return { problem: "it has no threshold" };
  return { aggregation: criterion.aggregation, comparator: criterion.comparator };
}

// Rollback comparators name the bad side; success comparators name the good one.
function higherIsWorse(kind: CriterionSpec["kind"], comparator: Comparator): boolean {
  const upward = comparator === "gt" || comparator === "gte";
  return kind === "rollback" ? upward : !upward;
}

export function compare(observed: number, comparator: Comparator, threshold: number): boolean {
  switch (comparator) {
    case "lt":
      return observed < threshold;
    case "lte":
      return observed <= threshold;
    case "gt":
      return observed > threshold;
    case "gte":
      return observed >= threshold;
    case "eq":
      // Values arrive through JSON and arithmetic; equal within rounding.
      return Math.abs(observed - threshold) <= 1e-9 * Math.max(1, Math.abs(observed), Math.abs(threshold));
  }
}

export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds % 3600 === 0 && seconds >= 3600) return `${seconds / 3600} h`;
  if (seconds % 60 === 0 && seconds >= 60) return `${seconds / 60} min`;
  return `${seconds} s`;
}

function format(value: number): string {
  return String(round(value, 3));
}

function percent(fraction: number): string {
  return `${Math.round(fraction * 100)} %`;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
