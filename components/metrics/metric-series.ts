// Pure helpers of the Metrics page: the ranges it offers, the units of each
// metric, and how stored and live samples become the points a chart draws.

export const metricRanges = ["15m", "1h", "6h", "24h", "48h"] as const;
export type MetricRange = (typeof metricRanges)[number];

const minute = 60_000;
const hour = 60 * minute;

export const rangeMs: Record<MetricRange, number> = {
  "15m": 15 * minute,
  "1h": hour,
  "6h": 6 * hour,
  "24h": 24 * hour,
  "48h": 48 * hour,
};

export function isMetricRange(value: unknown): value is MetricRange {
  return typeof value === "string" && (metricRanges as readonly string[]).includes(value);
}

export const chartMetrics = [
  "availability",
  "error_rate",
  "latency_p50",
  "latency_p95",
  "latency_p99",
  "request_rate",
  "bounce_rate",
] as const;
export type ChartMetric = (typeof chartMetrics)[number];

export type MetricUnit = "percent" | "ms" | "rps";

export function unitOf(metric: string): MetricUnit | null {
  if (metric === "availability" || metric === "error_rate" || metric === "bounce_rate") return "percent";
  if (metric.startsWith("latency_")) return "ms";
  if (metric === "request_rate") return "rps";
  return null;
}

export interface MetricPoint {
  at: string;
  value: number;
}

// What a line draws: `null` breaks it, so a silent source shows as a gap.
export interface ChartPoint {
  at: number;
  value: number | null;
}

// Adds live samples to the points of one range: in time order, one point per
// instant (a later copy wins), nothing older than `from`, nothing non-finite.
export function mergePoints(existing: readonly MetricPoint[], incoming: readonly MetricPoint[], from: number): MetricPoint[] {
  const byTime = new Map<number, MetricPoint>();
  for (const point of [...existing, ...incoming]) {
    const at = Date.parse(point.at);
    if (!Number.isFinite(at) || at < from || !Number.isFinite(point.value)) continue;
    byTime.set(at, point);
  }
  return [...byTime.entries()].sort(([a], [b]) => a - b).map(([, point]) => point);
}

interface SeriesWindow {
  from: number;
  to: number;
  // At most this many points are drawn; denser data is averaged per bucket.
  maxPoints: number;
}

// The points of one line in [from, to]: averaged into buckets when dense, and
// broken (a `null` point) wherever samples stop for clearly longer than their
// usual spacing.
export function chartSeries(points: readonly MetricPoint[], { from, to, maxPoints }: SeriesWindow): ChartPoint[] {
  const bucketMs = Math.max(1000, Math.ceil((to - from) / maxPoints));
  const buckets = new Map<number, { sum: number; count: number }>();
  for (const point of points) {
    const at = Date.parse(point.at);
    if (!Number.isFinite(at) || at < from || at > to || !Number.isFinite(point.value)) continue;
    const start = from + Math.floor((at - from) / bucketMs) * bucketMs;
    const bucket = buckets.get(start) ?? { sum: 0, count: 0 };
    bucket.sum += point.value;
    bucket.count += 1;
    buckets.set(start, bucket);
  }
  const averaged = [...buckets.entries()].sort(([a], [b]) => a - b).map(([at, { sum, count }]) => ({ at, value: sum / count }));
  const gapMs = Math.max(3 * usualSpacing(averaged), 3 * bucketMs, 5000);
  const series: ChartPoint[] = [];
  averaged.forEach((point, index) => {
    const previous = averaged[index - 1];
    if (previous && point.at - previous.at > gapMs) series.push({ at: previous.at + 1, value: null });
    series.push(point);
  });
  return series;
}

// The median distance between neighbours: robust to the odd missed sample.
function usualSpacing(points: readonly { at: number }[]): number {
  const spacings = points.slice(1).map((point, index) => point.at - points[index]!.at).sort((a, b) => a - b);
  return spacings.length ? spacings[Math.floor(spacings.length / 2)]! : 0;
}

// Most points a chart draws; the API is asked for averages this coarse on
// ranges whose raw samples would be more.
export const maxChartPoints = 720;

// Seconds per averaged point the API should return for a range; raw samples
// (undefined) up to an hour.
export function queryStepSec(range: MetricRange): number | undefined {
  return rangeMs[range] <= hour ? undefined : Math.ceil(rangeMs[range] / 1000 / maxChartPoints);
}

const tickSteps = [1, 2, 3, 5, 10, 15, 30, 60, 120, 180, 240, 360, 480, 720].map((minutes) => minutes * minute);

// Round instants for the time axis, about `count` of them.
export function timeTicks(from: number, to: number, count = 6): number[] {
  const step = tickSteps.find((candidate) => (to - from) / candidate <= count) ?? tickSteps.at(-1)!;
  const ticks: number[] = [];
  for (let tick = Math.ceil(from / step) * step; tick <= to; tick += step) ticks.push(tick);
  return ticks;
}
