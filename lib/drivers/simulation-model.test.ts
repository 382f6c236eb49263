import { describe, expect, it } from "vitest";
import { diurnalRate, localHourIn, simulatedHealth, simulateTraffic, simulationStateSchema } from "./simulation-model";

const at = new Date("2026-12-01T06:00:00Z");
const base = { now: at, localHour: 15, seed: "release-1" };
const state = (value: unknown) => simulationStateSchema.parse(value);

describe("simulateTraffic", () => {
  it("sends everything to blue until a split is set", () => {
    const traffic = simulateTraffic(state({}), base);
    expect(traffic.green.requestRate).toBe(0);
    expect(traffic.blue.requestRate).toBeGreaterThan(1000);
  });

  it("gives green its weight's share of requests", () => {
    const traffic = simulateTraffic(state({ splits: { production: { blue: 75, green: 25 } } }), base);
    const share = traffic.green.requestRate / (traffic.green.requestRate + traffic.blue.requestRate);
    expect(share).toBeCloseTo(0.25, 2);
  });

  it("keeps rehearsal splits apart from production", () => {
    const split = state({ splits: { rehearsal: { blue: 0, green: 100 } } });
    expect(simulateTraffic(split, base).green.requestRate).toBe(0);
    expect(simulateTraffic(split, { ...base, purpose: "rehearsal" }).blue.requestRate).toBe(0);
  });

  it("shows healthy baselines: errors well under 0.1 %, p95 under 200 ms, p50 < p95 < p99", () => {
    const { blue } = simulateTraffic(state({}), base);
    expect(blue.errorRate).toBeLessThan(0.1);
    expect(blue.availability).toBeGreaterThan(99.9);
    expect(blue.latencyP50).toBeLessThan(blue.latencyP95);
    expect(blue.latencyP95).toBeLessThan(Math.min(blue.latencyP99, 200));
  });

  it("adds injected errors and latency to the faulty fleet only", () => {
    const faulty = state({ splits: { production: { blue: 50, green: 50 } }, faults: { green: { errorRate: 8, latencyMs: 300 } } });
    const traffic = simulateTraffic(faulty, base);
    expect(traffic.green.errorRate).toBeGreaterThan(8);
    expect(traffic.green.errorRate).toBeLessThan(8.2);
    expect(traffic.green.availability).toBeLessThan(92);
    expect(traffic.green.latencyP95).toBeGreaterThan(400);
    expect(traffic.blue.errorRate).toBeLessThan(0.1);
  });

  it("is the same for the same second in every process and varies between seconds", () => {
    const one = simulateTraffic(state({}), base);
    expect(simulateTraffic(state({}), base)).toEqual(one);
    expect(simulateTraffic(state({}), { ...base, now: new Date(at.getTime() + 1000) })).not.toEqual(one);
  });
});

describe("diurnalRate", () => {
  it("is lowest at 03:00 local time and highest at 15:00", () => {
    const hours = Array.from({ length: 24 }, (_, hour) => diurnalRate(hour));
    expect(hours.indexOf(Math.min(...hours))).toBe(3);
    expect(hours.indexOf(Math.max(...hours))).toBe(15);
    expect(Math.min(...hours)).toBeGreaterThan(0);
  });

  it("reads the hour in the release's time zone", () => {
    expect(localHourIn("Asia/Seoul", new Date("2026-12-01T18:30:00Z"))).toBe(3.5);
    expect(localHourIn("Not/AZone", new Date("2026-12-01T18:30:00Z"))).toBe(18.5);
  });
});

describe("simulatedHealth", () => {
  it("fails a fleet with ≥ 5 % injected errors or ≥ 1 s injected latency", () => {
    expect(simulatedHealth({ errorRate: 8, latencyMs: 0 })).toEqual({ healthy: false, detail: "8 % of probes fail (injected)" });
    expect(simulatedHealth({ errorRate: 0, latencyMs: 1500 }).healthy).toBe(false);
    expect(simulatedHealth({ errorRate: 1, latencyMs: 100 }).healthy).toBe(true);
    expect(simulatedHealth({ errorRate: 0, latencyMs: 0 })).toEqual({ healthy: true, detail: "up" });
  });
});
