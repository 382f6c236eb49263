import type { StatRow } from "@/lib/drivers/haproxy-runtime";
import type { MetricEnvironment } from "../metric-names";
import type { Sample } from "../sample";

// HAProxy's `show stat` gives cumulative counters; rates come from the
// difference between two polls. Pure functions, so the arithmetic is tested
// without an HAProxy.

export interface ServerCounters {
  at: number;
  requests: number;
  errors5xx: number;
  // Mean response time over the server's last 1024 requests, in ms.
  responseTimeMs: number | null;
}

export function countersOf(row: StatRow, at: Date): ServerCounters {
  const field = (name: string): number | null => {
    const raw = row.fields[name];
    if (raw === undefined || raw === "") return null;
    const value = Number(raw);
    return Number.isFinite(value) ? value : null;
  };
  // req_tot counts HTTP requests per server from HAProxy 2.x on; older ones
  // only count responses by class, whose sum is the same figure.
  const byClass = ["hrsp_1xx", "hrsp_2xx", "hrsp_3xx", "hrsp_4xx", "hrsp_5xx", "hrsp_other"].map(field);
  const requests = field("req_tot") ?? (byClass.every((value) => value === null) ? (field("stot") ?? 0) : byClass.reduce<number>((sum, value) => sum + (value ?? 0), 0));
  return { at: at.getTime(), requests, errors5xx: field("hrsp_5xx") ?? 0, responseTimeMs: field("rtime") };
}

export interface CounterDelta {
  seconds: number;
  requests: number;
  errors5xx: number;
}

// Null when there is no usable previous reading: the first poll, or counters
// that went backwards because HAProxy was reloaded or its stats cleared.
export function counterDelta(previous: ServerCounters | undefined, current: ServerCounters): CounterDelta | null {
  if (!previous) return null;
  const seconds = (current.at - previous.at) / 1000;
  const requests = current.requests - previous.requests;
  const errors5xx = current.errors5xx - previous.errors5xx;
  if (seconds <= 0 || requests < 0 || errors5xx < 0) return null;
  return { seconds, requests, errors5xx };
}

// Request rate always; error rate and availability only when there were
// requests (no requests is no evidence, not 100 % available); the mean
// response time only when HAProxy has one.
export function deltaSamples(environment: MetricEnvironment, delta: CounterDelta, responseTimeMs: number | null, at: Date): Sample[] {
  const samples: Sample[] = [{ metric: "request_rate", environment, at, value: delta.requests / delta.seconds }];
  if (delta.requests > 0) {
    const errorRate = (100 * Math.min(delta.errors5xx, delta.requests)) / delta.requests;
    samples.push({ metric: "error_rate", environment, at, value: errorRate }, { metric: "availability", environment, at, value: 100 - errorRate });
    if (responseTimeMs !== null) samples.push({ metric: "latency_avg", environment, at, value: responseTimeMs });
  }
  return samples;
}

export function sumDeltas(deltas: CounterDelta[]): CounterDelta | null {
  if (deltas.length === 0) return null;
  return {
    seconds: Math.max(...deltas.map((delta) => delta.seconds)),
    requests: deltas.reduce((sum, delta) => sum + delta.requests, 0),
    errors5xx: deltas.reduce((sum, delta) => sum + delta.errors5xx, 0),
  };
}
