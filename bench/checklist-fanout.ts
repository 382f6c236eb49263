// 1,000 socket.io viewers on one release while items are ticked through the
// HTTP API. Baselines in the same run: a bare socket.io broadcast to 1,000
// clients, and a single-row Postgres UPDATE.
import { createServer } from "node:http";
import pg from "pg";
import { Server } from "socket.io";
import { io as connect } from "socket.io-client";
import { createBenchDatabase, createToken, ensureProductionBuild, startServer } from "./lib/harness";
import { ms, summary, verdict } from "./lib/stats";
import { now, startViewers } from "./lib/viewers";

const VIEWERS = Number(process.env.BENCH_VIEWERS ?? 1000);
const TICKS = Number(process.env.BENCH_TICKS ?? 200);
const PORT = 3201;
const BARE_PORT = 3202;

interface ChecklistResponse {
  eventSeq: number;
  sections: { items: { id: string; version: number; status: string }[] }[];
}

async function benchApp(databaseUrl: string) {
  const server = await startServer(databaseUrl, PORT);
  try {
    const token = createToken(databaseUrl, "engineer@demo.launch-control.local", "bench");
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const releases = (await (await fetch(`${server.baseUrl}/api/v1/releases`, { headers })).json()) as { releases: { id: string }[] };
    const releaseId = releases.releases[0]?.id;
    if (!releaseId) throw new Error("no demo release");
    const checklist = (await (await fetch(`${server.baseUrl}/api/v1/releases/${releaseId}/checklist`, { headers })).json()) as ChecklistResponse;
    const items = checklist.sections.flatMap((section) => section.items);
    let seq = checklist.eventSeq;

    const viewers = await startViewers({
      url: server.baseUrl,
      count: VIEWERS,
      auth: { token },
      subscribe: releaseId,
      event: "release:event",
      keyPath: ["seq"],
    });
    const patchLatency: number[] = [];
    const fanout: number[] = [];
    for (let tick = 0; tick < TICKS + 10; tick += 1) {
      const item = items[tick % items.length]!;
      const status = item.status === "done" ? "in_progress" : "done";
      const started = now();
      const response = await fetch(`${server.baseUrl}/api/v1/releases/${releaseId}/checklist/items/${item.id}`, {
        method: "PATCH",
        headers,
        body: JSON.stringify({ version: item.version, status }),
      });
      const answered = now();
      if (response.status !== 200) throw new Error(`PATCH answered ${response.status}: ${await response.text()}`);
      item.version += 1;
      item.status = status;
      seq += 1;
      const lastViewer = await viewers.waitForAll(String(seq));
      if (tick >= 10) {
        patchLatency.push(answered - started);
        fanout.push(lastViewer - started);
      }
    }
    await viewers.close();
    return { patch: summary(patchLatency), fanout: summary(fanout) };
  } finally {
    await server.stop();
  }
}

async function benchBareBroadcast() {
  const httpServer = createServer();
  const io = new Server(httpServer, { path: "/socket.io", serveClient: false });
  io.on("connection", (socket) => {
    socket.on("broadcast", (payload: unknown) => io.emit("release:event", payload));
  });
  await new Promise<void>((resolve) => httpServer.listen(BARE_PORT, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${BARE_PORT}`;
  const viewers = await startViewers({ url, count: VIEWERS, auth: {}, event: "release:event", keyPath: ["seq"] });
  const trigger = connect(url, { path: "/socket.io", transports: ["websocket"] });
  await new Promise<void>((resolve) => trigger.once("connect", () => resolve()));
  const samples: number[] = [];
  const payload = { releaseId: "00000000-0000-4000-8000-000000000000", type: "checklist.item.updated", data: { after: { status: "done", note: "x".repeat(200) } } };
  for (let tick = 0; tick < TICKS + 10; tick += 1) {
    const started = now();
    trigger.emit("broadcast", { ...payload, seq: tick });
    const lastViewer = await viewers.waitForAll(String(tick));
    if (tick >= 10) samples.push(lastViewer - started);
  }
  trigger.disconnect();
  await viewers.close();
  io.close();
  return summary(samples);
}

async function benchUpdate(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`CREATE TABLE bench_row (id int primary key, status text, version int)`);
  await client.query(`INSERT INTO bench_row VALUES (1, 'todo', 1)`);
  const samples: number[] = [];
  for (let i = 0; i < TICKS + 10; i += 1) {
    const started = now();
    await client.query(`UPDATE bench_row SET status = $1, version = version + 1 WHERE id = 1`, [i % 2 ? "done" : "todo"]);
    if (i >= 10) samples.push(now() - started);
  }
  await client.end();
  return summary(samples);
}

export async function runChecklistFanout(): Promise<void> {
  ensureProductionBuild();
  const database = await createBenchDatabase("lc_bench_fanout");
  try {
    const update = await benchUpdate(database.url);
    const bare = await benchBareBroadcast();
    const app = await benchApp(database.url);
    const budget = update.p95 + bare.p95 + 15;
    console.log(`\nbench/checklist-fanout — ${VIEWERS} viewers, ${TICKS} ticks`);
    console.log(`  PATCH latency            p50 ${ms(app.patch.p50)}  p95 ${ms(app.patch.p95)}   target p95 ≤ 20 ms: ${verdict(app.patch.p95 <= 20)}`);
    console.log(`  tick → last viewer       p50 ${ms(app.fanout.p50)}  p95 ${ms(app.fanout.p95)}  p99 ${ms(app.fanout.p99)}   target p95 ≤ 50 ms: ${verdict(app.fanout.p95 <= 50)}`);
    console.log(`  baseline bare broadcast  p50 ${ms(bare.p50)}  p95 ${ms(bare.p95)}  p99 ${ms(bare.p99)}`);
    console.log(`  baseline pg UPDATE       p50 ${ms(update.p50)}  p95 ${ms(update.p95)}`);
    console.log(`  tick p95 vs UPDATE p95 + bare p95 + 15 ms = ${ms(budget)}: ${verdict(app.fanout.p95 <= budget)} (overhead ${ms(app.fanout.p95 - update.p95 - bare.p95)})`);
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
