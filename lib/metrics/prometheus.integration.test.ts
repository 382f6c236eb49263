import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUT as putSetting } from "@/app/api/v1/releases/[releaseId]/settings/[key]/route";
import { prisma } from "@/lib/db/client";
import type { SettingView } from "@/lib/settings/settings.validation";
import { call, createTestRelease, createTestUser, type ErrorBody, type TestUser } from "@/test/api-fixtures";
import { freePort } from "@/test/haproxy-lab";
import { createMetricsPoller } from "./poller";
import { PrometheusMetricProvider } from "./providers/prometheus";
import { MetricSourceError } from "./providers/provider";
import { listSourceStatuses } from "./source-status";
import type { PrometheusMetricsConfig } from "./config";

// The real chain: a small exporter whose figures the test sets, Debian's
// Prometheus scraping it every second, and the prometheus provider reading
// the figures back through the HTTP API. CI installs Prometheus; without the
// binary the suite says so and skips.
const prometheusBinary = "/usr/bin/prometheus";
const prometheusInstalled = existsSync(prometheusBinary);
if (!prometheusInstalled) console.warn(`Skipping the Prometheus chain tests: ${prometheusBinary} is not installed (apt-get install prometheus).`);

interface Figures {
  errorRate: Record<"blue" | "green", number>;
  latencyP95: number;
}

let figures: Figures = { errorRate: { blue: 0.04, green: 0.12 }, latencyP95: 118.5 };

function exposition(): string {
  return [
    "# HELP lc_test_error_rate Share of failing requests, percent.",
    "# TYPE lc_test_error_rate gauge",
    `lc_test_error_rate{env="blue"} ${figures.errorRate.blue}`,
    `lc_test_error_rate{env="green"} ${figures.errorRate.green}`,
    "# TYPE lc_test_latency_p95_ms gauge",
    `lc_test_latency_p95_ms{env="green"} ${figures.latencyP95}`,
    "",
  ].join("\n");
}

const queries: PrometheusMetricsConfig["queries"] = {
  error_rate: { blue: 'lc_test_error_rate{env="blue"}', green: 'lc_test_error_rate{env="green"}' },
  latency_p95: { green: 'lc_test_latency_p95_ms{env="green"}' },
};

describe.skipIf(!prometheusInstalled)("the prometheus provider against a real Prometheus", () => {
  let dir: string;
  let exporter: Server;
  let prometheus: ChildProcess;
  let baseUrl: string;
  let manager: TestUser;
  let output = "";

  beforeAll(async () => {
    manager = await createTestUser("RELEASE_MANAGER");
    dir = await mkdtemp(path.join(tmpdir(), "lc-prometheus-"));
    const [exporterPort, prometheusPort] = [await freePort(), await freePort()];
    exporter = createServer((req, res) => {
      if (req.url !== "/metrics") return void res.writeHead(404).end();
      res.writeHead(200, { "content-type": "text/plain; version=0.0.4" }).end(exposition());
    });
    await new Promise<void>((resolve) => exporter.listen(exporterPort, "127.0.0.1", resolve));

    const config = ["global:", "  scrape_interval: 1s", "  evaluation_interval: 1s", "scrape_configs:", "  - job_name: exporter", "    static_configs:", `      - targets: ["127.0.0.1:${exporterPort}"]`, ""];
    await writeFile(path.join(dir, "prometheus.yml"), config.join("\n"));
    baseUrl = `http://127.0.0.1:${prometheusPort}`;
    prometheus = spawn(
      prometheusBinary,
      [`--config.file=${path.join(dir, "prometheus.yml")}`, `--storage.tsdb.path=${path.join(dir, "data")}`, `--web.listen-address=127.0.0.1:${prometheusPort}`],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    prometheus.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    prometheus.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    await waitFor(async () => {
      if (prometheus.exitCode !== null) throw new Error(`prometheus exited with ${prometheus.exitCode}:\n${output}`);
      const response = await fetch(`${baseUrl}/-/ready`).catch(() => null);
      return response?.ok === true;
    }, 30_000);
  }, 60_000);

  afterAll(async () => {
    await stopPrometheus();
    await new Promise((resolve) => exporter?.close(resolve));
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function stopPrometheus(): Promise<void> {
    if (!prometheus || prometheus.exitCode !== null) return;
    const exited = new Promise((resolve) => prometheus.once("exit", resolve));
    prometheus.kill("SIGTERM");
    await exited;
  }

  // Until Prometheus has scraped the figures the exporter serves now.
  async function readBack(provider: PrometheusMetricProvider) {
    let latest: Awaited<ReturnType<PrometheusMetricProvider["collect"]>> = [];
    const want = JSON.stringify(figures);
    await waitFor(async () => {
      latest = await provider.collect(new Date());
      const value = (metric: string, environment: string) => latest.find((sample) => sample.metric === metric && sample.environment === environment)?.value;
      const seen = { errorRate: { blue: value("error_rate", "blue"), green: value("error_rate", "green") }, latencyP95: value("latency_p95", "green") };
      return JSON.stringify(seen) === want;
    }, 15_000);
    return latest;
  }

  it("reads back the figures the exporter generated, per metric and environment", async () => {
    const provider = new PrometheusMetricProvider({ baseUrl, queries, timeoutMs: 2000 });
    const samples = await readBack(provider);
    expect(samples).toHaveLength(3);
    expect(samples).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ metric: "error_rate", environment: "blue", value: 0.04 }),
        expect.objectContaining({ metric: "error_rate", environment: "green", value: 0.12 }),
        expect.objectContaining({ metric: "latency_p95", environment: "green", value: 118.5 }),
      ]),
    );

    figures = { errorRate: { blue: 0.05, green: 8.25 }, latencyP95: 412 };
    const changed = await readBack(provider);
    expect(changed.find((sample) => sample.metric === "error_rate" && sample.environment === "green")?.value).toBe(8.25);
  }, 40_000);

  it("refuses to save a query Prometheus cannot parse, naming it, and saves a valid one", async () => {
    const { releaseId } = await createTestRelease();
    const settings = { kind: "prometheus", baseUrl, queries: { ...queries, error_rate: { green: 'sum(rate(lc_test_error_rate{env="green"}[1m])' } } };
    const refused = await call<ErrorBody>(putSetting, { method: "PUT", params: { releaseId, key: "metrics" }, body: { settings }, as: manager });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([
      expect.objectContaining({ path: ["settings", "queries", "error_rate", "green"], message: expect.stringMatching(/parse error/) }),
    ]);
    expect(await prisma.releaseSetting.count({ where: { releaseId, key: "metrics" } })).toBe(0);

    const saved = await call<SettingView>(putSetting, { method: "PUT", params: { releaseId, key: "metrics" }, body: { settings: { kind: "prometheus", baseUrl, queries } }, as: manager });
    expect(saved.status).toBe(200);
  });

  it("reports a Prometheus that is down as a failing source and stores no zero", async () => {
    const { releaseId } = await createTestRelease();
    const saved = await call<SettingView>(putSetting, {
      method: "PUT",
      params: { releaseId, key: "metrics" },
      body: { settings: { kind: "prometheus", baseUrl, queries, timeoutMs: 1000 } },
      as: manager,
    });
    expect(saved.status).toBe(200);
    await waitFor(async () => {
      await createMetricsPoller().tick(new Date());
      return (await prisma.metricSample.count({ where: { releaseId, source: "prometheus" } })) > 0;
    }, 10_000);
    const config = { kind: "prometheus" as const, baseUrl, queries, timeoutMs: 1000, intervalSec: 1, rawRetentionHours: 48, allowCustomMetrics: true };
    expect((await listSourceStatuses(releaseId, config)).find((status) => status.source === "prometheus")?.status).toBe("ok");
    const stored = await prisma.metricSample.count({ where: { releaseId } });

    await stopPrometheus();
    const provider = new PrometheusMetricProvider({ baseUrl, queries, timeoutMs: 1000 });
    const failure = await provider.collect(new Date()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MetricSourceError);
    expect((failure as MetricSourceError).message).toMatch(/unreachable/);

    await createMetricsPoller().tick(new Date());
    expect(await prisma.metricSample.count({ where: { releaseId } })).toBe(stored);
    expect((await listSourceStatuses(releaseId, config)).find((status) => status.source === "prometheus")).toMatchObject({
      status: "failing",
      lastError: expect.stringMatching(/unreachable/),
    });
  }, 30_000);
});

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`Not so within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
