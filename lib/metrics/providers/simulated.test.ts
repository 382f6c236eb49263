import { describe, expect, it } from "vitest";
import type { EnvironmentTraffic } from "@/lib/drivers/simulation-model";
import { trafficSamples } from "./simulated";

const at = new Date("2026-11-29T03:00:00.000Z");
const fleet = (requestRate: number, errorRate: number, latencyP95: number): EnvironmentTraffic => ({
  requestRate,
  errorRate,
  availability: 100 - errorRate,
  latencyP50: latencyP95 / 3,
  latencyP95,
  latencyP99: latencyP95 * 2,
});

describe("simulated metrics", () => {
  it("reports an idle green fleet's request rate only, never its idle error rate", () => {
    const samples = trafficSamples({ blue: fleet(300, 0.05, 120), green: fleet(0, 0.05, 120) }, at);
    expect(samples.filter((sample) => sample.environment === "green")).toEqual([{ metric: "request_rate", environment: "green", at, value: 0 }]);
    expect(samples.filter((sample) => sample.environment === "blue")).toHaveLength(6);
  });

  it("weights the whole fleet's rates by each fleet's requests", () => {
    const samples = trafficSamples({ blue: fleet(300, 0, 100), green: fleet(100, 8, 200) }, at);
    const all = Object.fromEntries(samples.filter((sample) => sample.environment === "all").map((sample) => [sample.metric, sample.value]));
    expect(all.request_rate).toBe(400);
    expect(all.error_rate).toBeCloseTo(2);
    expect(all.availability).toBeCloseTo(98);
    expect(all.latency_p95).toBeCloseTo(125);
  });
});
