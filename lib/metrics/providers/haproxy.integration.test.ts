import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countAnswers, haproxyBinary, haproxyInstalled, startHaproxyLab, type HaproxyLab } from "@/test/haproxy-lab";
import { HaproxyMetricProvider } from "./haproxy";
import { MetricSourceError } from "./provider";

// Against Debian's HAProxy, started by the test (CI installs it).
if (!haproxyInstalled) console.warn(`Skipping the HAProxy metrics tests: ${haproxyBinary} is not installed (apt-get install haproxy).`);

describe.skipIf(!haproxyInstalled)("the haproxy provider against a real HAProxy", () => {
  let lab: HaproxyLab;

  beforeAll(async () => {
    lab = await startHaproxyLab({ greenWeight: 100 });
  });

  afterAll(async () => {
    await lab?.stop();
  });

  it("turns show stat counters between two polls into request rates and availability per fleet", async () => {
    const provider = new HaproxyMetricProvider({ address: lab.unixAddress, backend: "app", blueServer: "blue", greenServer: "green", timeoutMs: 2000 });
    const t0 = new Date();
    expect(await provider.collect(t0)).toEqual([]);
    const counts = await countAnswers(lab.frontendUrl, 200);
    const t1 = new Date(t0.getTime() + 2_000);
    const samples = await provider.collect(t1);
    const value = (metric: string, environment: string) => samples.find((sample) => sample.metric === metric && sample.environment === environment)?.value;
    // Health checks are not requests, so the rates are exactly what was sent.
    expect(value("request_rate", "blue")).toBeCloseTo((counts.blue ?? 0) / 2);
    expect(value("request_rate", "green")).toBeCloseTo((counts.green ?? 0) / 2);
    expect(value("request_rate", "all")).toBeCloseTo(100);
    expect(value("availability", "all")).toBe(100);
    expect(value("error_rate", "green")).toBe(0);
  });

  it("fails, rather than reading zero, when HAProxy cannot be reached", async () => {
    const provider = new HaproxyMetricProvider({ address: "unix:/nonexistent/haproxy.sock", backend: "app", blueServer: "blue", greenServer: "green", timeoutMs: 500 });
    await expect(provider.collect(new Date())).rejects.toBeInstanceOf(MetricSourceError);
  });
});
