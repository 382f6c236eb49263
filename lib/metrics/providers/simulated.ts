import { simulatedTraffic } from "@/lib/drivers/simulated";
import type { EnvironmentTraffic } from "@/lib/drivers/simulation-model";
import type { MetricEnvironment, StandardMetric } from "../metric-names";
import type { Sample } from "../sample";
import type { MetricProvider } from "./provider";

// The simulated fleets of the traffic driver, read as metrics: what the
// driver's fault injection does (errors, latency) shows up here.
export class SimulatedMetricProvider implements MetricProvider {
  readonly source = "simulated";

  constructor(private readonly releaseId: string) {}

  async collect(now: Date): Promise<Sample[]> {
    return trafficSamples(await simulatedTraffic(this.releaseId, now), now);
  }
}

export function trafficSamples(traffic: Record<"blue" | "green", EnvironmentTraffic>, at: Date): Sample[] {
  return [
    ...environmentSamples("blue", traffic.blue, at),
    ...environmentSamples("green", traffic.green, at),
    ...environmentSamples("all", combined(traffic.blue, traffic.green), at),
  ];
}

// A fleet that serves no requests has a request rate of zero and no error
// rate or latency at all: reporting its idle figures would let a criterion
// judge green before it took any traffic.
function environmentSamples(environment: MetricEnvironment, traffic: EnvironmentTraffic, at: Date): Sample[] {
  const sample = (metric: StandardMetric, value: number): Sample => ({ metric, environment, at, value });
  if (traffic.requestRate <= 0) return [sample("request_rate", 0)];
  return [
    sample("request_rate", traffic.requestRate),
    sample("error_rate", traffic.errorRate),
    sample("availability", traffic.availability),
    sample("latency_p50", traffic.latencyP50),
    sample("latency_p95", traffic.latencyP95),
    sample("latency_p99", traffic.latencyP99),
  ];
}

// Both fleets as users see them: rates weighted by each fleet's requests.
// Percentiles do not combine exactly; the request-weighted mean is the usual
// approximation and is exact when only one fleet serves.
function combined(blue: EnvironmentTraffic, green: EnvironmentTraffic): EnvironmentTraffic {
  const total = blue.requestRate + green.requestRate;
  if (total <= 0) return { requestRate: 0, errorRate: 0, availability: 0, latencyP50: 0, latencyP95: 0, latencyP99: 0 };
  const weighted = (pick: (traffic: EnvironmentTraffic) => number) => (pick(blue) * blue.requestRate + pick(green) * green.requestRate) / total;
  const errorRate = weighted((traffic) => traffic.errorRate);
  return {
    requestRate: total,
    errorRate,
    availability: 100 - errorRate,
    latencyP50: weighted((traffic) => traffic.latencyP50),
    latencyP95: weighted((traffic) => traffic.latencyP95),
    latencyP99: weighted((traffic) => traffic.latencyP99),
  };
}
