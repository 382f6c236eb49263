// The words a criterion is written in, shared by the engine, the validation
// of saved criteria and the release template.

// How a window of samples becomes one number:
// - avg, min, max, sum: of the sample values;
// - last: the newest sample;
// - p95: the 95th percentile of the sample values (nearest rank), e.g. the
//   worst 5 % of per-second latency readings;
// - ratio: 100 × Σ numerator / Σ denominator over the window, for a metric
//   written "numerator/denominator" (e.g. "errors_total/requests_total"):
//   a percentage, like the built-in rate metrics, weighted by volume rather
//   than an average of per-sample ratios.
export const aggregations = ["avg", "min", "max", "last", "p95", "sum", "ratio"] as const;
export type Aggregation = (typeof aggregations)[number];

export const comparators = ["lt", "lte", "gt", "gte", "eq"] as const;
export type Comparator = (typeof comparators)[number];

export const comparatorSymbols: Record<Comparator, string> = { lt: "<", lte: "≤", gt: ">", gte: "≥", eq: "=" };

export const criterionEnvironments = ["blue", "green", "all"] as const;
export type CriterionEnvironment = (typeof criterionEnvironments)[number];

// What a breached rollback criterion does: nothing beyond the record, raise
// the alert and offer the rollback, or start the rollback itself.
export const criterionActions = ["none", "propose_rollback", "auto_rollback"] as const;
export type CriterionAction = (typeof criterionActions)[number];

export const outcomes = ["pass", "fail", "inconclusive"] as const;
export type Outcome = (typeof outcomes)[number];

// The key-features criterion is judged from the release's synthetic checks,
// not from samples: its metric names them.
export const syntheticChecksMetric = "synthetic_checks";

export function isAggregation(value: string | null): value is Aggregation {
  return value !== null && (aggregations as readonly string[]).includes(value);
}

export function isComparator(value: string | null): value is Comparator {
  return value !== null && (comparators as readonly string[]).includes(value);
}

// "errors_total/requests_total" → both names; anything else → null.
export function ratioParts(metric: string): { numerator: string; denominator: string } | null {
  const parts = metric.split("/");
  if (parts.length !== 2 || !parts[0] || !parts[1]) return null;
  return { numerator: parts[0], denominator: parts[1] };
}
