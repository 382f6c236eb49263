// 1 Hz metric updates to 2,000 socket.io viewers of one release through the
// real server: each update is pushed through the metrics API and reaches the
// viewers as `metrics:samples`; every viewer's delivery latency (receipt − the
// push's start, stamped into the update as a sample's value) and the server's
// event-loop delay (BENCH_EVENT_LOOP=1, see server.ts). Baseline in the same
// run: a plain `ws` server broadcasting the same JSON payload at 1 Hz to as
// many plain `ws` clients.
import { createServer } from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { WebSocket, WebSocketServer } from "ws";
import type { MetricSamplesEvent } from "@/lib/events/bus";
import { createBenchDatabase, createToken, ensureProductionBuild, startServer, type BenchServer } from "./lib/harness";
import { ms, summary, verdict } from "./lib/stats";
import { startStreamViewers, type StreamViewers } from "./lib/stream-viewers";
import { now } from "./lib/viewers";

const VIEWERS = Number(process.env.BENCH_STREAM_VIEWERS ?? 2000);
const UPDATES = Number(process.env.BENCH_STREAM_UPDATES ?? 30);
const WARMUP = Number(process.env.BENCH_STREAM_WARMUP ?? 5);
// Viewer threads; one keeps a core for the server on a small machine.
const WORKERS = Number(process.env.BENCH_STREAM_WORKERS ?? 1);
const PORT = 3205;
const WS_PORT = 3206;
const STAMP_METRIC = "bench_sent_at";
const SOURCE = "bench-stream";
// Time for the last update to reach every viewer before the figures are collected.
const DRAIN_MS = 2_000;

// One update as a collector would push it each second: the standard series
// for blue and green, plus the send stamp.
function updateSamples(stamp: number): MetricSamplesEvent["samples"] {
  const at = new Date(Math.floor(stamp)).toISOString();
  const series = { availability: 99.95, error_rate: 0.08, latency_p50: 42, latency_p95: 131, latency_p99: 188, request_rate: 412 };
  return [
    ...(["blue", "green"] as const).flatMap((environment) => Object.entries(series).map(([metric, value]) => ({ metric, environment, at, value }))),
    { metric: STAMP_METRIC, environment: "all", at, value: stamp },
  ];
}

// Calls `send` at 1 Hz on a fixed grid (so one slow update does not shift the
// others), WARMUP + UPDATES times; returns the stamps of the measured ones.
async function atOneHertz(send: (stamp: number, index: number) => Promise<void>, onMeasuring: () => void): Promise<number[]> {
  const measured: number[] = [];
  const start = now() + 100;
  for (let index = 0; index < WARMUP + UPDATES; index += 1) {
    const wait = start + index * 1000 - now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (index === WARMUP) onMeasuring();
    const stamp = now();
    await send(stamp, index);
    if (index >= WARMUP) measured.push(stamp);
  }
  await new Promise((resolve) => setTimeout(resolve, DRAIN_MS));
  return measured;
}

async function deliveryFigures(viewers: StreamViewers, stamps: readonly number[]) {
  const { byStamp, dropped } = await viewers.deliveries();
  const latencies = stamps.flatMap((stamp) => byStamp.get(stamp) ?? []);
  return { ...summary(latencies), expected: stamps.length * VIEWERS, dropped };
}

// The same figures as server.ts's probe, for a baseline in this thread.
function eventLoopProbe() {
  const resolutionMs = 10;
  const histogram = monitorEventLoopDelay({ resolution: resolutionMs });
  const delayMs = (ns: number) => Math.max(0, ns / 1e6 - resolutionMs);
  return {
    start() {
      histogram.reset();
      histogram.enable();
    },
    stop(): EventLoopDelay {
      histogram.disable();
      return { p50Ms: delayMs(histogram.percentile(50)), p99Ms: delayMs(histogram.percentile(99)), maxMs: delayMs(histogram.max), samples: histogram.count };
    },
  };
}

interface EventLoopDelay {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  samples: number;
}

// Asks the server for its event-loop delay since the previous ask (SIGUSR2)
// and reads the line it logs.
async function serverEventLoopDelay(server: BenchServer): Promise<EventLoopDelay> {
  const from = server.output().length;
  server.signal("SIGUSR2");
  const deadline = Date.now() + 5_000;
  for (;;) {
    const match = /event-loop delay (\{.*\})/.exec(server.output().slice(from));
    if (match?.[1]) return JSON.parse(match[1]) as EventLoopDelay;
    if (Date.now() > deadline) throw new Error("the server did not report its event-loop delay (BENCH_EVENT_LOOP=1)");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function benchApp(databaseUrl: string) {
  const server = await startServer(databaseUrl, PORT, { BENCH_EVENT_LOOP: "1" });
  try {
    // A release manager: pushes samples and may change the metrics setting.
    const token = createToken(databaseUrl, "rm@demo.launch-control.local", "bench-stream");
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const api = async (path: string, init: RequestInit = {}) => {
      const response = await fetch(`${server.baseUrl}${path}`, { ...init, headers });
      if (!response.ok) throw new Error(`${init.method ?? "GET"} ${path} answered ${response.status}: ${await response.text()}`);
      return response.json() as Promise<unknown>;
    };
    const releases = (await api("/api/v1/releases")) as { releases: { id: string }[] };
    const releaseId = releases.releases[0]?.id;
    if (!releaseId) throw new Error("no demo release");
    // Only the pushed updates reach the room: the simulated source would
    // otherwise publish its own samples each second and share the 1 Hz slot.
    const setting = (await api(`/api/v1/releases/${releaseId}/settings/metrics`)) as { version: number };
    await api(`/api/v1/releases/${releaseId}/settings/metrics`, { method: "PUT", body: JSON.stringify({ settings: { kind: "push" }, version: setting.version }) });
    // Let the poller see the change (it ticks each second) before anyone listens.
    await new Promise((resolve) => setTimeout(resolve, 2_000));

    const viewers = await startStreamViewers({
      kind: "socket.io",
      url: server.baseUrl,
      count: VIEWERS,
      workers: WORKERS,
      stampMetric: STAMP_METRIC,
      auth: { token },
      subscribe: releaseId,
      event: "metrics:samples",
    });
    try {
      const push: number[] = [];
      let measuring = false;
      const stamps = await atOneHertz(
        async (stamp) => {
          await api(`/api/v1/releases/${releaseId}/metrics`, { method: "POST", body: JSON.stringify({ source: SOURCE, samples: updateSamples(stamp) }) });
          if (measuring) push.push(now() - stamp);
        },
        () => {
          measuring = true;
          // Starts the server's event-loop window afresh (its report of the warm-up is not read).
          server.signal("SIGUSR2");
        },
      );
      const eventLoop = await serverEventLoopDelay(server);
      return { delivery: await deliveryFigures(viewers, stamps), push: summary(push), eventLoop };
    } finally {
      await viewers.close();
    }
  } finally {
    await server.stop();
  }
}

async function benchWsBaseline(releaseId: string) {
  const httpServer = createServer();
  const wss = new WebSocketServer({ server: httpServer });
  await new Promise<void>((resolve) => httpServer.listen(WS_PORT, "127.0.0.1", resolve));
  const viewers = await startStreamViewers({ kind: "ws", url: `ws://127.0.0.1:${WS_PORT}`, count: VIEWERS, workers: WORKERS, stampMetric: STAMP_METRIC });
  const probe = eventLoopProbe();
  try {
    const stamps = await atOneHertz(
      async (stamp) => {
        const event: MetricSamplesEvent = { releaseId, source: SOURCE, samples: updateSamples(stamp) };
        const data = JSON.stringify(event);
        for (const client of wss.clients) if (client.readyState === WebSocket.OPEN) client.send(data);
      },
      () => probe.start(),
    );
    const eventLoop = probe.stop();
    return { delivery: await deliveryFigures(viewers, stamps), eventLoop };
  } finally {
    await viewers.close();
    for (const client of wss.clients) client.terminate();
    await new Promise((resolve) => wss.close(resolve));
    await new Promise((resolve) => httpServer.close(resolve));
  }
}

export async function runMetricsStream(): Promise<void> {
  ensureProductionBuild();
  const database = await createBenchDatabase("lc_bench_stream");
  try {
    const baseline = await benchWsBaseline("00000000-0000-4000-8000-000000000000");
    const app = await benchApp(database.url);
    const d = app.delivery;
    const b = baseline.delivery;
    const delivered = (f: typeof d) => `${f.n}/${f.expected} delivered${f.dropped ? `, ${f.dropped} viewers dropped` : ""}`;
    console.log(`\nbench/metrics-stream — ${VIEWERS} viewers, ${UPDATES} updates at 1 Hz after ${WARMUP} warm-up, ${WORKERS} viewer thread(s)`);
    console.log(
      `  push → viewer (socket.io)   p50 ${ms(d.p50)}  p95 ${ms(d.p95)}  p99 ${ms(d.p99)}   (${delivered(d)})   target p95 ≤ 20 ms: ${verdict(d.p95 <= 20 && d.n === d.expected)}`,
    );
    console.log(`  baseline plain ws broadcast p50 ${ms(b.p50)}  p95 ${ms(b.p95)}  p99 ${ms(b.p99)}   (${delivered(b)})`);
    console.log(`  p95 vs baseline p95         ${(d.p95 / b.p95).toFixed(2)}×   target ≤ 2×: ${verdict(d.p95 <= 2 * b.p95)}`);
    console.log(`  push request                p50 ${ms(app.push.p50)}  p95 ${ms(app.push.p95)}  p99 ${ms(app.push.p99)}`);
    console.log(`  server event-loop delay     p99 ${ms(app.eventLoop.p99Ms)}  max ${ms(app.eventLoop.maxMs)}  (${app.eventLoop.samples} samples at 10 ms)`);
    console.log(`  baseline ws server ELD      p99 ${ms(baseline.eventLoop.p99Ms)}  max ${ms(baseline.eventLoop.maxMs)}  (${baseline.eventLoop.samples} samples at 10 ms)`);
  } finally {
    await database.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runMetricsStream().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
