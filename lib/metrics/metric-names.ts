// What Launch Control measures. Units follow the release criteria in the
// template: availability, error and bounce rates in percent, latencies in ms,
// request rate in requests per second. Custom names (a team's own counters)
// are accepted as-is, unitless.
export const standardMetrics = {
  availability: { unit: "%" },
  error_rate: { unit: "%" },
  latency_p50: { unit: "ms" },
  latency_p95: { unit: "ms" },
  latency_p99: { unit: "ms" },
  // HAProxy reports a mean response time, not percentiles; kept under its own
  // name rather than passed off as a percentile.
  latency_avg: { unit: "ms" },
  request_rate: { unit: "req/s" },
  bounce_rate: { unit: "%" },
} as const;

export type StandardMetric = keyof typeof standardMetrics;
export const standardMetricNames = Object.keys(standardMetrics) as [StandardMetric, ...StandardMetric[]];

export const customMetricPattern = /^[a-z][a-z0-9_]{0,62}$/;

export const metricEnvironments = ["blue", "green", "all"] as const;
export type MetricEnvironment = (typeof metricEnvironments)[number];

export function isStandardMetric(name: string): name is StandardMetric {
  return Object.hasOwn(standardMetrics, name);
}

export function isValidMetricName(name: string, allowCustom: boolean): boolean {
  return isStandardMetric(name) || (allowCustom && customMetricPattern.test(name));
}

export function metricUnit(name: string): string | null {
  return isStandardMetric(name) ? standardMetrics[name].unit : null;
}
