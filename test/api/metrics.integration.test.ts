import { beforeAll, describe, expect, it } from "vitest";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";
import { GET as getSeries, POST as push } from "@/app/api/v1/releases/[releaseId]/metrics/route";
import { GET as getSources } from "@/app/api/v1/releases/[releaseId]/metrics/sources/route";
import { prisma } from "@/lib/db/client";
import type { MetricSeriesDto, MetricSourcesDto } from "@/lib/metrics/metrics.validation";
import { recordSourceProblem } from "@/lib/metrics/source-status";
import { call, createTestRelease, createTestUser, type ErrorBody, type TestUser } from "@/test/api-fixtures";

let pipeline: TestUser;
let viewer: TestUser;
let releaseId: string;

beforeAll(async () => {
  pipeline = await createTestUser("ENGINEER");
  viewer = await createTestUser("VIEWER");
  ({ releaseId } = await createTestRelease());
});

function pushJson(body: unknown, release = releaseId) {
  return call<{ stored: number; source: string } & Partial<ErrorBody>>(push, { method: "POST", params: { releaseId: release }, body, as: pipeline });
}

function series(query: string, release = releaseId) {
  return call<MetricSeriesDto & Partial<ErrorBody>>(getSeries, { path: `/api/v1/releases/${release}/metrics?${query}`, params: { releaseId: release }, as: viewer });
}

const stored = (where: { source?: string } = {}) => prisma.metricSample.count({ where: { releaseId, ...where } });

describe("pushing metrics over the API", () => {
  it("stores a JSON batch with an API token and serves it back with the source's status", async () => {
    const base = Date.now() - 30_000;
    const samples = Array.from({ length: 20 }, (_, i) => ({ metric: "bounce_rate", environment: "all", at: new Date(base + i * 1000).toISOString(), value: 10 + i / 10 }));
    const response = await pushJson({ source: "analytics", samples });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ stored: 20, source: "analytics" });

    const from = new Date(base).toISOString();
    const read = await series(`metric=bounce_rate&environment=all&from=${from}&to=${new Date(base + 9_000).toISOString()}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ metric: "bounce_rate", unit: "%", step: null, source: { source: "analytics", status: "ok" } });
    expect(read.body.points.map((point) => point.value)).toEqual([10, 10.1, 10.2, 10.3, 10.4, 10.5, 10.6, 10.7, 10.8, 10.9]);
  });

  it("refuses a batch with one bad sample with 400, naming it, and stores nothing", async () => {
    const before = await stored();
    const response = await pushJson({
      samples: [
        { metric: "error_rate", environment: "green", value: 0.2 },
        { metric: "error_rate", environment: "green", at: new Date(Date.now() + 3_600_000).toISOString(), value: 0.2 },
      ],
    });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: "VALIDATION_FAILED", details: [{ index: 1, path: ["samples", 1, "at"] }] });
    expect(await stored()).toBe(before);
  });

  it("refuses malformed bodies and wrong types with 400, never a 500", async () => {
    expect((await call(push, { method: "POST", params: { releaseId }, rawBody: '{"samples": [', as: pipeline })).status).toBe(400);
    expect((await pushJson({ samples: [{ metric: "error_rate", environment: "green", value: "high" }] })).status).toBe(400);
    expect((await pushJson({ samples: [{ metric: "error_rate", environment: "green", value: 1, extra: true }] })).status).toBe(400);
  });

  it("accepts Prometheus text exposition format with the source from the query", async () => {
    const text = ['# TYPE error_rate gauge', 'error_rate{environment="green"} 0.31', 'error_rate{environment="blue"} 0.05', "bounce_rate 14", ""].join("\n");
    const response = await call<{ stored: number; source: string }>(push, {
      method: "POST",
      path: `/api/v1/releases/${releaseId}/metrics?source=collector`,
      params: { releaseId },
      rawBody: text,
      headers: { "content-type": "text/plain; version=0.0.4" },
      as: pipeline,
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ stored: 3, source: "collector" });
    expect(await stored({ source: "collector" })).toBe(3);
  });

  it("takes a body over the usual 64 KiB up to 1 MiB, and refuses more with 413", async () => {
    const at = new Date().toISOString();
    const batch = (count: number) => ({ samples: Array.from({ length: count }, (_, i) => ({ metric: "request_rate", environment: "green", at, value: i })) });
    const large = await pushJson(batch(2_000));
    expect(JSON.stringify(batch(2_000)).length).toBeGreaterThan(64 * 1024);
    expect(large.status).toBe(201);
    const huge = await call(push, { method: "POST", params: { releaseId }, rawBody: JSON.stringify({ samples: [], pad: "x".repeat(1_100_000) }), as: pipeline });
    expect(huge.status).toBe(413);
    const form = await call(push, { method: "POST", params: { releaseId }, rawBody: "a=1", headers: { "content-type": "application/x-www-form-urlencoded" }, as: pipeline });
    expect(form.status).toBe(415);
  });

  it("refuses viewers (metrics.push) and answers 404 for an unknown release", async () => {
    const response = await call(push, { method: "POST", params: { releaseId }, body: { samples: [{ metric: "error_rate", environment: "green", value: 1 }] }, as: viewer });
    expect(response.status).toBe(403);
    expect((await pushJson({ samples: [{ metric: "error_rate", environment: "green", value: 1 }] }, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});

describe("reading metrics over the API", () => {
  it("averages into steps on request and refuses a bad query", async () => {
    const to = new Date();
    const from = new Date(to.getTime() - 3_600_000);
    const read = await series(`metric=bounce_rate&environment=all&from=${from.toISOString()}&to=${to.toISOString()}&step=3600`);
    expect(read.status).toBe(200);
    expect(read.body.step).toBe(3600);
    expect(read.body.points.length).toBeGreaterThan(0);
    expect((await series("metric=bounce_rate&environment=purple")).status).toBe(400);
    expect((await series(`metric=bounce_rate&from=${to.toISOString()}&to=${from.toISOString()}`)).status).toBe(400);
  });

  it("shows a failing source as failing and a silent one as quiet, with an empty series rather than zeros", async () => {
    const { releaseId: silent } = await createTestRelease();
    const before = await series("metric=error_rate&environment=green", silent);
    expect(before.body).toMatchObject({ points: [], source: { source: "simulated", status: "quiet", lastSampleAt: null } });

    await recordSourceProblem(silent, "simulated", "failing", "simulated fleet unreadable");
    const sources = await call<MetricSourcesDto>(getSources, { params: { releaseId: silent }, as: viewer });
    expect(sources.status).toBe(200);
    expect(sources.body).toEqual({ kind: "simulated", sources: [expect.objectContaining({ source: "simulated", status: "failing", lastError: "simulated fleet unreadable" })] });
    expect((await series("metric=error_rate&environment=green", silent)).body.source).toMatchObject({ status: "failing" });
  });

  it("documents the metrics routes in the OpenAPI document", async () => {
    const document = await call<{ paths: Record<string, Record<string, unknown>> }>(openapi, {});
    expect(Object.keys(document.body.paths["/api/v1/releases/{releaseId}/metrics"] ?? {})).toEqual(["get", "post"]);
    expect(document.body.paths["/api/v1/releases/{releaseId}/metrics/sources"]).toHaveProperty("get");
  });
});
