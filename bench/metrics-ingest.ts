// Metric ingest through the push API of the real server (Next.js + socket.io
// + workers): samples stored per second, in batches, beside a raw multi-row
// INSERT of the same batches into the same table in the same run. Then the
// checklist fan-out (100 viewers) is measured idle and again while samples
// are pushed at the target rate, to show ingest does not slow the live UI.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { createBenchDatabase, createToken, ensureProductionBuild, startServer } from "./lib/harness";
import { ms, summary, verdict } from "./lib/stats";
import { startChecklistTicker } from "./lib/checklist-ticker";
import { now } from "./lib/viewers";

const TOTAL = Number(process.env.BENCH_INGEST_SAMPLES ?? 100_000);
const BATCH = Number(process.env.BENCH_INGEST_BATCH ?? 1_000);
const PUSHERS = Number(process.env.BENCH_INGEST_PUSHERS ?? 4);
const VIEWERS = Number(process.env.BENCH_INGEST_VIEWERS ?? 100);
const TICKS = Number(process.env.BENCH_INGEST_TICKS ?? 300);
const TARGET_RATE = 5_000;
const PORT = 3204;

const metrics = ["availability", "error_rate", "latency_p50", "latency_p95", "latency_p99", "request_rate", "bounce_rate", "checkout_total"];
const environments = ["blue", "green", "all"] as const;

interface BenchSample {
  metric: string;
  environment: string;
  at: string;
  value: number;
}

// Distinct series and times, spread over the last ten minutes, as several
// collectors would send them.
function makeBatch(offset: number): BenchSample[] {
  const base = Date.now() - 10 * 60_000;
  return Array.from({ length: BATCH }, (_, i) => {
    const n = offset + i;
    return { metric: metrics[n % metrics.length]!, environment: environments[n % 3]!, at: new Date(base + (n % 600_000)).toISOString(), value: (n % 1000) / 10 };
  });
}

// Runs `batches` pushes over `workers` concurrent senders; `paceMs` spaces
// each sender's batches (0 = as fast as possible).
async function drive(batches: number, workers: number, paceMs: number, send: (batch: BenchSample[]) => Promise<void>, stop?: () => boolean): Promise<{ samples: number; seconds: number }> {
  let next = 0;
  let sent = 0;
  const started = now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < batches && !(stop?.() ?? false)) {
        const index = next++;
        const began = now();
        await send(makeBatch(index * BATCH));
        sent += BATCH;
        const rest = paceMs - (now() - began);
        if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
      }
    }),
  );
  return { samples: sent, seconds: (now() - started) / 1000 };
}

async function benchBaseline(databaseUrl: string, releaseId: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: PUSHERS });
  try {
    // One multi-row INSERT … VALUES per batch, the classic fast path.
    const result = await drive(TOTAL / BATCH, PUSHERS, 0, async (batch) => {
      const values: unknown[] = [];
      const rows = batch.map((sample, i) => {
        values.push(releaseId, sample.environment, sample.metric, sample.at, sample.value);
        const p = i * 5;
        return `($${p + 1}::uuid, 'baseline', $${p + 2}, $${p + 3}, $${p + 4}::timestamptz, $${p + 5}::float8)`;
      });
      await pool.query(`INSERT INTO "MetricSample" ("releaseId", "source", "environment", "metric", "at", "value") VALUES ${rows.join(", ")}`, values);
    });
    return result.samples / result.seconds;
  } finally {
    await pool.end();
  }
}

export async function runMetricsIngest(): Promise<void> {
  ensureProductionBuild();
  const database = await createBenchDatabase("lc_bench_ingest");
  const server = await startServer(database.url, PORT);
  try {
    const token = createToken(database.url, "engineer@demo.launch-control.local", "bench-ingest");
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const api = (path: string, init: RequestInit = {}) => fetch(`${server.baseUrl}${path}`, { ...init, headers });
    const releases = (await (await api("/api/v1/releases")).json()) as { releases: { id: string }[] };
    const releaseId = releases.releases[0]?.id;
    if (!releaseId) throw new Error("no demo release");

    const push = async (batch: BenchSample[], source: string) => {
      const response = await api(`/api/v1/releases/${releaseId}/metrics`, { method: "POST", body: JSON.stringify({ source, samples: batch }) });
      if (response.status !== 201) throw new Error(`push answered ${response.status}: ${await response.text()}`);
      await response.arrayBuffer();
    };

    // Warm up both paths (JIT, connection pools, plans) before timing.
    await drive(5, 1, 0, (batch) => push(batch, "warmup"));
    const baselineRate = await benchBaseline(database.url, releaseId);
    const measured = await drive(TOTAL / BATCH, PUSHERS, 0, (batch) => push(batch, "bench"));
    const apiRate = measured.samples / measured.seconds;
    const stored = await countSamples(database.url, releaseId, "bench");

    const fanout = await checklistFanout(server.baseUrl, token, releaseId, push);

    console.log(`\nbench/metrics-ingest — ${TOTAL} samples in batches of ${BATCH}, ${PUSHERS} concurrent senders`);
    console.log(`  push API              ${Math.round(apiRate)} samples/s (${stored} stored of ${measured.samples})   target ≥ ${TARGET_RATE}: ${verdict(apiRate >= TARGET_RATE && stored === measured.samples)}`);
    console.log(`  baseline multi-row INSERT  ${Math.round(baselineRate)} samples/s   API/baseline ${(apiRate / baselineRate).toFixed(2)}×   target ≥ 0.3×: ${verdict(apiRate >= 0.3 * baselineRate)}`);
    console.log(`  checklist fan-out, ${VIEWERS} viewers, ${TICKS} ticks`);
    console.log(`    idle                p50 ${ms(fanout.idle.p50)}  p95 ${ms(fanout.idle.p95)}  p99 ${ms(fanout.idle.p99)}`);
    console.log(
      `    during ingest at ${Math.round(fanout.ingestRate)} samples/s   p50 ${ms(fanout.busy.p50)}  p95 ${ms(fanout.busy.p95)}  p99 ${ms(fanout.busy.p99)}   ` +
        `p95 ratio ${(fanout.busy.p95 / fanout.idle.p95).toFixed(2)}×   target ≤ 1.25×: ${verdict(fanout.busy.p95 <= 1.25 * fanout.idle.p95)}`,
    );
  } finally {
    await server.stop();
    await database.drop();
  }
}

// The checklist-fanout measurement (tick an item, wait until every viewer has
// the event), first with nothing else going on, then while senders push at
// the target rate.
async function checklistFanout(
  baseUrl: string,
  token: string,
  releaseId: string,
  push: (batch: BenchSample[], source: string) => Promise<void>,
) {
  const ticker = await startChecklistTicker({ baseUrl, token, releaseId, viewers: VIEWERS });
  const run = async (ticks: number) => {
    const samples: number[] = [];
    for (let tick = 0; tick < ticks + 5; tick += 1) {
      const { fanout } = await ticker.tick();
      if (tick >= 5) samples.push(fanout);
      // Ticks a little apart, as people tick items, so the two runs see the same cadence.
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return summary(samples);
  };
  try {
    const idle = await run(TICKS);
    let done = false;
    // PUSHERS senders, each pacing its batches so together they reach the target rate.
    const paceMs = (PUSHERS * BATCH * 1000) / TARGET_RATE;
    const source = `paced-${randomUUID().slice(0, 8)}`;
    const ingest = drive(Number.MAX_SAFE_INTEGER, PUSHERS, paceMs, (batch) => push(batch, source), () => done);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const busy = await run(TICKS);
    done = true;
    const pushed = await ingest;
    return { idle, busy, ingestRate: pushed.samples / pushed.seconds };
  } finally {
    await ticker.close();
  }
}

async function countSamples(databaseUrl: string, releaseId: string, source: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ count: string }>(`SELECT count(*) AS count FROM "MetricSample" WHERE "releaseId" = $1 AND "source" = $2`, [releaseId, source]);
    return Number(result.rows[0]?.count ?? 0);
  } finally {
    await client.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runMetricsIngest().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
