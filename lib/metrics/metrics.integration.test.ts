import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { SimulatedDriver, setSimulationFaults } from "@/lib/drivers/simulated";
import { isAppError } from "@/lib/errors";
import { saveReleaseSettings } from "@/lib/settings/save-settings";
import { createTestRelease } from "@/test/api-fixtures";
import { defaultMetricsConfig } from "./config";
import { downsample } from "./downsample";
import { createMetricsPoller } from "./poller";
import { queryMetric } from "./query-metric";
import { listSourceStatuses, recordSourceProblem } from "./source-status";
import { storeSamples } from "./store-samples";

const actor = { userId: null, label: "test", via: "system" } as const;
let releaseId: string;

beforeAll(async () => {
  ({ releaseId } = await createTestRelease());
});

function count(where: { metric?: string; source?: string } = {}) {
  return prisma.metricSample.count({ where: { releaseId, ...where } });
}

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("storing samples", () => {
  it("stores a batch and reads it back by metric, environment and range", async () => {
    const base = Date.now() - 60_000;
    const samples = Array.from({ length: 30 }, (_, i) => ({ metric: "latency_p95", environment: "green", at: new Date(base + i * 1000), value: 100 + i }));
    const result = await storeSamples(releaseId, "push", [...samples, { metric: "latency_p95", environment: "blue", at: new Date(base), value: 1 }]);
    expect(result.stored).toBe(31);

    const points = await queryMetric(releaseId, { metric: "latency_p95", environment: "green", from: new Date(base + 10_000), to: new Date(base + 19_000) });
    expect(points.map((point) => point.value)).toEqual([110, 111, 112, 113, 114, 115, 116, 117, 118, 119]);
    expect(points[0]!.at.getTime()).toBe(base + 10_000);

    const buckets = await queryMetric(releaseId, { metric: "latency_p95", environment: "green", from: new Date(base), to: new Date(base + 29_000), step: 3600 });
    const mean = samples.reduce((sum, sample) => sum + sample.value, 0) / samples.length;
    expect(buckets.reduce((sum, point) => sum + point.value, 0) / buckets.length).toBeCloseTo(mean, 0);
  });

  it("refuses a batch with one bad sample, names it, and stores nothing", async () => {
    const before = await count();
    const now = Date.now();
    const error = await rejection(
      storeSamples(releaseId, "push", [
        { metric: "error_rate", environment: "green", at: new Date(now), value: 0.1 },
        { metric: "error_rate", environment: "green", at: new Date(now), value: Number.NaN },
        { metric: "Not A Metric", environment: "green", value: 1 },
        { metric: "error_rate", environment: "purple", value: 1 },
        { metric: "error_rate", environment: "green", at: new Date(now + 3_600_000), value: 1 },
        { metric: "error_rate", environment: "green", at: new Date(now - 72 * 3_600_000), value: 1 },
      ]),
    );
    expect(error.status).toBe(400);
    const details = error.details as { index: number; path: (string | number)[] }[];
    expect(details.map((detail) => `${detail.index}:${String(detail.path[2])}`)).toEqual(["1:value", "2:metric", "3:environment", "4:at", "5:at"]);
    expect(await count()).toBe(before);
  });

  it("refuses batches over 5,000 samples and unknown releases", async () => {
    const many = Array.from({ length: 5001 }, () => ({ metric: "request_rate", environment: "all", value: 1 }));
    expect((await rejection(storeSamples(releaseId, "push", many))).status).toBe(400);
    expect((await rejection(storeSamples("00000000-0000-4000-8000-000000000000", "push", [many[0]!]))).status).toBe(404);
  });

  it("refuses custom metric names when the release allows only the standard ones", async () => {
    const { releaseId: strict } = await createTestRelease();
    await saveReleaseSettings(actor, strict, "metrics", { settings: { kind: "push", allowCustomMetrics: false } });
    expect((await rejection(storeSamples(strict, "push", [{ metric: "checkout_total", environment: "all", value: 3 }]))).status).toBe(400);
    expect((await storeSamples(releaseId, "push", [{ metric: "checkout_total", environment: "all", value: 3 }])).stored).toBe(1);
  });
});

describe("downsampling", () => {
  it("averages raw samples older than the raw window into 60 s buckets and removes them", async () => {
    const { releaseId: old } = await createTestRelease();
    const now = new Date("2026-11-29T12:00:30.000Z");
    // Written at a time when they were fresh, then judged 49 h later.
    const written = new Date(now.getTime() - 49 * 3_600_000);
    const bucket = Math.floor(written.getTime() / 60_000) * 60_000;
    const values = [10, 20, 30, 40];
    await storeSamples(
      old,
      "simulated",
      values.map((value, i) => ({ metric: "error_rate", environment: "green", at: new Date(bucket + i * 10_000), value })),
      { now: written },
    );
    await storeSamples(old, "simulated", [{ metric: "error_rate", environment: "green", at: new Date(bucket + 60_000), value: 99 }], { now: written });

    await downsample(now);
    const rows = await prisma.metricSample.findMany({ where: { releaseId: old }, orderBy: { at: "asc" }, select: { at: true, value: true, resolution: true } });
    expect(rows).toEqual([
      { at: new Date(bucket), value: 25, resolution: 60 },
      { at: new Date(bucket + 60_000), value: 99, resolution: 60 },
    ]);
    const points = await queryMetric(old, { metric: "error_rate", environment: "green", from: new Date(bucket - 60_000), to: new Date(bucket + 120_000) });
    expect(points.map((point) => point.value)).toEqual([25, 99]);
  });

  it("leaves samples inside the raw window alone", async () => {
    const before = await count({ metric: "latency_p95" });
    await downsample(new Date());
    expect(await count({ metric: "latency_p95" })).toBe(before);
  });
});

describe("source status", () => {
  it("shows a source that fails as failing and one that stopped sending as quiet, never as zero", async () => {
    const { releaseId: watched } = await createTestRelease();
    const config = { ...defaultMetricsConfig, kind: "push" as const };
    const t0 = new Date();
    await storeSamples(watched, "collector", [{ metric: "bounce_rate", environment: "all", at: t0, value: 12 }], { now: t0 });
    expect((await listSourceStatuses(watched, config, t0))[0]).toMatchObject({ source: "collector", status: "ok" });

    const later = new Date(t0.getTime() + 10 * 60_000);
    expect((await listSourceStatuses(watched, config, later))[0]).toMatchObject({ source: "collector", status: "quiet", lastSampleAt: t0 });

    await recordSourceProblem(watched, "collector", "failing", "connection refused", later);
    expect((await listSourceStatuses(watched, config, later))[0]).toMatchObject({ status: "failing", lastError: "connection refused" });

    await storeSamples(watched, "collector", [{ metric: "bounce_rate", environment: "all", value: 11 }]);
    expect((await listSourceStatuses(watched, config))[0]).toMatchObject({ status: "ok", lastError: "connection refused" });
  });

  it("lists the configured poller as quiet before its first sample", async () => {
    const { releaseId: fresh } = await createTestRelease();
    expect(await listSourceStatuses(fresh, defaultMetricsConfig)).toEqual([{ source: "simulated", status: "quiet", lastSampleAt: null, lastError: null, lastErrorAt: null }]);
  });
});

describe("the simulated source", () => {
  it("is polled by default and reports the fleets' injected faults", async () => {
    const { releaseId: simulated } = await createTestRelease();
    await new SimulatedDriver({ releaseId: simulated, purpose: "production" }).setSplit(50, () => {});
    await setSimulationFaults(actor, simulated, { environment: "green", errorRate: 8, latencyMs: 0 });

    const now = new Date();
    await createMetricsPoller().tick(now);
    const rows = await prisma.metricSample.findMany({ where: { releaseId: simulated, source: "simulated", metric: "error_rate" }, select: { environment: true, value: true } });
    const rate = (environment: string) => rows.find((row) => row.environment === environment)?.value ?? Number.NaN;
    expect(rate("green")).toBeGreaterThan(8);
    expect(rate("green")).toBeLessThan(8.2);
    expect(rate("blue")).toBeLessThan(0.2);
    expect(rate("all")).toBeCloseTo((rate("green") + rate("blue")) / 2, 0);
    expect((await listSourceStatuses(simulated, defaultMetricsConfig, now))[0]).toMatchObject({ source: "simulated", status: "ok" });
  });
});
