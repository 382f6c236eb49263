// 1,000 socket.io viewers on one release while items are ticked through the
// HTTP API. Baselines in the same run: a bare socket.io broadcast of the very
// event the app sent (same bytes) to another 1,000 clients, and a single-row
// Postgres UPDATE.
//
// App ticks and bare broadcasts alternate, one of each per round, 30 ms
// apart, so both see the same moments of a noisy machine; comparing two p95s
// taken minutes apart swung the difference by ±5 ms from run to run.
//
// The figures held to the targets are taken on a quiet release: its metric
// source is switched to `push`, so the demo's 1 Hz simulated metric stream is
// not broadcast to the same room during the ticks. Ticks with that stream on
// are printed as well; bench/metrics-ingest holds fan-out under metric load
// to its own target.
import { createServer } from "node:http";
import pg from "pg";
import { Server } from "socket.io";
import { io as connect, type Socket as ClientSocket } from "socket.io-client";
import { createBenchDatabase, createToken, ensureProductionBuild, startServer, type BenchServer } from "./lib/harness";
import { ms, summary, verdict } from "./lib/stats";
import { startChecklistTicker } from "./lib/checklist-ticker";
import { now, startViewers, type ViewerPool } from "./lib/viewers";

const VIEWERS = Number(process.env.BENCH_VIEWERS ?? 1000);
const TICKS = Number(process.env.BENCH_TICKS ?? 200);
const WARMUP = 10;
const PORT = 3201;
const BARE_PORT = 3202;
// A pause before every measurement, so neither side pays for the other's
// leftovers (garbage collection, Postgres writing its WAL, closing sockets).
const SETTLE_MS = 30;
const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

// The app: the real server, its demo release and the ticker's viewers.
async function startApp(databaseUrl: string) {
  const server = await startServer(databaseUrl, PORT);
  const token = createToken(databaseUrl, "engineer@demo.launch-control.local", "bench");
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const releases = (await (await fetch(`${server.baseUrl}/api/v1/releases`, { headers })).json()) as { releases: { id: string }[] };
  const releaseId = releases.releases[0]?.id;
  if (!releaseId) throw new Error("no demo release");
  const ticker = await startChecklistTicker({ baseUrl: server.baseUrl, token, releaseId, viewers: VIEWERS });

  return {
    ticker,
    // A quiet release: no metric samples broadcast to the room while ticking.
    async silenceMetricStream(): Promise<void> {
      const managerToken = createToken(databaseUrl, "rm@demo.launch-control.local", "bench-settings");
      const response = await fetch(`${server.baseUrl}/api/v1/releases/${releaseId}/settings/metrics`, {
        method: "PUT",
        headers: { ...headers, authorization: `Bearer ${managerToken}` },
        body: JSON.stringify({ settings: { kind: "push" } }),
      });
      if (!response.ok) throw new Error(`metrics setting answered ${response.status}: ${await response.text()}`);
      await waitForQuietRoom(server, token, releaseId);
      // The setting change is an event of its own.
      await ticker.resync();
    },
    async stop(): Promise<void> {
      await ticker.close();
      await server.stop();
    },
  };
}

// Resolves once 1.5 s pass with no metric samples sent to the release's room
// (the poller picks up the new source on its next cycle).
async function waitForQuietRoom(server: BenchServer, token: string, releaseId: string): Promise<void> {
  const socket = connect(server.baseUrl, { path: "/socket.io", transports: ["websocket"], auth: { token } });
  try {
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    await socket.emitWithAck("subscribe", { releaseId });
    let last = Date.now();
    socket.on("metrics:samples", () => (last = Date.now()));
    const deadline = Date.now() + 30_000;
    while (Date.now() - last < 1_500) {
      if (Date.now() > deadline) throw new Error("metric samples kept arriving after switching the source to push");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    socket.disconnect();
  }
}

// The baseline: a bare socket.io server that broadcasts whatever its trigger
// client sends to everyone else, with as many viewers as the app has.
async function startBareBroadcast() {
  const httpServer = createServer();
  const io = new Server(httpServer, { path: "/socket.io", serveClient: false });
  io.on("connection", (socket) => {
    socket.on("broadcast", (payload: unknown) => io.emit("release:event", payload));
  });
  await new Promise<void>((resolve) => httpServer.listen(BARE_PORT, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${BARE_PORT}`;
  const viewers: ViewerPool = await startViewers({ url, count: VIEWERS, auth: {}, event: "release:event", keyPath: ["seq"] });
  const trigger: ClientSocket = connect(url, { path: "/socket.io", transports: ["websocket"] });
  await new Promise<void>((resolve) => trigger.once("connect", () => resolve()));
  let seq = 0;
  return {
    async broadcast(event: object): Promise<number> {
      seq += 1;
      const started = now();
      trigger.emit("broadcast", { ...event, seq });
      return (await viewers.waitForAll(String(seq))) - started;
    },
    async stop(): Promise<void> {
      trigger.disconnect();
      await viewers.close();
      await new Promise((resolve) => io.close(resolve));
    },
  };
}

async function benchUpdate(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`CREATE TABLE bench_row (id int primary key, status text, version int)`);
  await client.query(`INSERT INTO bench_row VALUES (1, 'todo', 1)`);
  const samples: number[] = [];
  for (let i = 0; i < TICKS + WARMUP; i += 1) {
    const started = now();
    await client.query(`UPDATE bench_row SET status = $1, version = version + 1 WHERE id = 1`, [i % 2 ? "done" : "todo"]);
    if (i >= WARMUP) samples.push(now() - started);
  }
  await client.end();
  return summary(samples);
}

async function benchFanout(databaseUrl: string) {
  const app = await startApp(databaseUrl);
  const bare = await startBareBroadcast();
  try {
    // With the demo's 1 Hz metric stream on (information only).
    const streamed = { patch: [] as number[], fanout: [] as number[] };
    for (let round = 0; round < TICKS + WARMUP; round += 1) {
      await settle();
      const tick = await app.ticker.tick();
      if (round < WARMUP) continue;
      streamed.patch.push(tick.patch);
      streamed.fanout.push(tick.fanout);
    }

    await app.silenceMetricStream();
    const quiet = { patch: [] as number[], fanout: [] as number[], bare: [] as number[] };
    for (let round = 0; round < TICKS + WARMUP; round += 1) {
      await settle();
      const tick = await app.ticker.tick();
      await settle();
      // The baseline sends exactly what the app's viewers just received.
      const event = app.ticker.viewers.lastPayload();
      if (typeof event !== "object" || event === null) throw new Error("no event captured from the app to broadcast");
      const broadcast = await bare.broadcast(event);
      if (round < WARMUP) continue;
      quiet.patch.push(tick.patch);
      quiet.fanout.push(tick.fanout);
      quiet.bare.push(broadcast);
    }
    return {
      patch: summary(quiet.patch),
      fanout: summary(quiet.fanout),
      bare: summary(quiet.bare),
      eventBytes: Buffer.byteLength(JSON.stringify(app.ticker.viewers.lastPayload())),
      streamed: { patch: summary(streamed.patch), fanout: summary(streamed.fanout) },
    };
  } finally {
    await bare.stop();
    await app.stop();
  }
}

export async function runChecklistFanout(): Promise<void> {
  ensureProductionBuild();
  const database = await createBenchDatabase("lc_bench_fanout");
  try {
    const update = await benchUpdate(database.url);
    const { patch, fanout, bare, eventBytes, streamed } = await benchFanout(database.url);
    const budget = update.p95 + bare.p95 + 15;
    console.log(`\nbench/checklist-fanout — ${VIEWERS} viewers, ${TICKS} ticks, each followed by a bare broadcast`);
    console.log(`  PATCH latency            p50 ${ms(patch.p50)}  p95 ${ms(patch.p95)}   target p95 ≤ 20 ms: ${verdict(patch.p95 <= 20)}`);
    console.log(`  tick → last viewer       p50 ${ms(fanout.p50)}  p95 ${ms(fanout.p95)}  p99 ${ms(fanout.p99)}   target p95 ≤ 50 ms: ${verdict(fanout.p95 <= 50)}`);
    console.log(`  baseline bare broadcast  p50 ${ms(bare.p50)}  p95 ${ms(bare.p95)}  p99 ${ms(bare.p99)}   (the app's own ${eventBytes}-byte event)`);
    console.log(`  baseline pg UPDATE       p50 ${ms(update.p50)}  p95 ${ms(update.p95)}`);
    console.log(`  tick p95 vs UPDATE p95 + bare p95 + 15 ms = ${ms(budget)}: ${verdict(fanout.p95 <= budget)} (overhead ${ms(fanout.p95 - update.p95 - bare.p95)})`);
    console.log(`  with the demo's 1 Hz metric stream to the same room (not a target):`);
    console.log(
      `    PATCH p50 ${ms(streamed.patch.p50)}  p95 ${ms(streamed.patch.p95)}   tick → last viewer p50 ${ms(streamed.fanout.p50)}  p95 ${ms(streamed.fanout.p95)}  p99 ${ms(streamed.fanout.p99)}`,
    );
  } finally {
    await database.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runChecklistFanout().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
