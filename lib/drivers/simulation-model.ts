import { createHash } from "node:crypto";
import { z } from "zod";
import { greenPercentFromWeights } from "./split";
import type { Environment, EnvironmentHealth } from "./types";

// The simulated fleets: pure functions of the persisted state and the clock,
// so every process (and a restarted one) computes the same figures.
//
// Units follow the release criteria in the template: error rate and
// availability in percent, latency in ms, request rate in requests/second.

export const faultSchema = z.object({
  errorRate: z.number().min(0).max(100).meta({ description: "Extra share of failing requests, in percent" }),
  latencyMs: z.int().min(0).max(60_000).meta({ description: "Extra latency added to every request, in ms" }),
});
export type Fault = z.infer<typeof faultSchema>;

const weightsSchema = z.object({ blue: z.number().min(0), green: z.number().min(0) });
const noFault: Fault = { errorRate: 0, latencyMs: 0 };

// Production and rehearsal move separate simulated load balancers; the fleets
// (and so their faults) are shared, as a staging rehearsal would share them.
export const simulationStateSchema = z.object({
  splits: z.object({ production: weightsSchema.optional(), rehearsal: weightsSchema.optional() }).default({}),
  faults: z.object({ blue: faultSchema.optional(), green: faultSchema.optional() }).default({}),
});
export type SimulationState = z.infer<typeof simulationStateSchema>;
export type SimulationPurpose = keyof SimulationState["splits"];

export function weightsOf(state: SimulationState, purpose: SimulationPurpose): { blue: number; green: number } {
  return state.splits[purpose] ?? { blue: 100, green: 0 };
}

export function faultOf(state: SimulationState, environment: Environment): Fault {
  return state.faults[environment] ?? noFault;
}

// A fleet with this many injected errors or this much delay fails its probe.
export const unhealthyErrorRate = 5;
export const unhealthyLatencyMs = 1000;

export function simulatedHealth(fault: Fault): EnvironmentHealth {
  const problems: string[] = [];
  if (fault.errorRate >= unhealthyErrorRate) problems.push(`${fault.errorRate} % of probes fail (injected)`);
  if (fault.latencyMs >= unhealthyLatencyMs) problems.push(`probes take ${fault.latencyMs} ms longer (injected)`);
  if (problems.length) return { healthy: false, detail: problems.join("; ") };
  const degraded = fault.errorRate > 0 || fault.latencyMs > 0;
  return { healthy: true, detail: degraded ? `up, degraded by injected fault (${fault.errorRate} % errors, +${fault.latencyMs} ms)` : "up" };
}

export interface EnvironmentTraffic {
  requestRate: number;
  errorRate: number;
  latencyP50: number;
  latencyP95: number;
  latencyP99: number;
  availability: number;
}

const PEAK_REQUESTS_PER_SECOND = 1200;
const BASE_ERROR_RATE = 0.05;
const BASE_LATENCY = { p50: 42, p95: 118, p99: 205 };

// Daily curve in the release's local time: lowest at 03:00 (the seed plan's
// cutover window), highest at 15:00, never below 15 % of the peak.
export function diurnalRate(localHour: number): number {
  const phase = ((localHour - 3) / 24) * 2 * Math.PI;
  return PEAK_REQUESTS_PER_SECOND * (0.15 + 0.85 * ((1 - Math.cos(phase)) / 2));
}

export function simulateTraffic(
  state: SimulationState,
  input: { now: Date; localHour: number; seed: string; purpose?: SimulationPurpose },
): Record<Environment, EnvironmentTraffic> {
  const weights = weightsOf(state, input.purpose ?? "production");
  const greenShare = greenPercentFromWeights(weights) / 100;
  // Both weights at zero means the balancer has nowhere to send requests.
  const served = weights.blue + weights.green > 0;
  const total = diurnalRate(input.localHour) * (1 + 0.06 * (noise(input.seed, "total", input.now) - 0.5));
  const share: Record<Environment, number> = { blue: served ? 1 - greenShare : 0, green: served ? greenShare : 0 };
  return {
    blue: environmentTraffic(total * share.blue, faultOf(state, "blue"), input.seed, "blue", input.now),
    green: environmentTraffic(total * share.green, faultOf(state, "green"), input.seed, "green", input.now),
  };
}

function environmentTraffic(requestRate: number, fault: Fault, seed: string, environment: Environment, now: Date): EnvironmentTraffic {
  const baseErrors = BASE_ERROR_RATE * (0.6 + 0.8 * noise(seed, `${environment}:errors`, now));
  // Independent failure causes: a request succeeds only if neither hits it.
  const errorRate = 100 * (1 - (1 - baseErrors / 100) * (1 - fault.errorRate / 100));
  const jitter = 0.92 + 0.16 * noise(seed, `${environment}:latency`, now);
  return {
    requestRate: round(requestRate, 1),
    errorRate: round(errorRate, 3),
    latencyP50: round(BASE_LATENCY.p50 * jitter + fault.latencyMs, 1),
    latencyP95: round(BASE_LATENCY.p95 * jitter + fault.latencyMs, 1),
    latencyP99: round(BASE_LATENCY.p99 * jitter + fault.latencyMs, 1),
    availability: round(100 - errorRate, 3),
  };
}

// Deterministic noise in [0, 1) per second: the same instant gives the same
// figure in every process, and consecutive seconds differ.
function noise(seed: string, stream: string, now: Date): number {
  const second = Math.floor(now.getTime() / 1000);
  return createHash("sha256").update(`${seed}:${stream}:${second}`).digest().readUInt32BE(0) / 2 ** 32;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function localHourIn(timezone: string, now: Date): number {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US", { timeZone: timezone, hour: "numeric", minute: "numeric", hourCycle: "h23" });
  } catch {
    // A zone this runtime does not know: the curve in UTC beats no traffic at all.
    return now.getUTCHours() + now.getUTCMinutes() / 60;
  }
  const parts = format.formatToParts(now);
  const hour = Number(parts.find((part) => part.type === "hour")?.value ?? 0);
  const minute = Number(parts.find((part) => part.type === "minute")?.value ?? 0);
  return hour + minute / 60;
}
