// Abort latency: from the HTTP abort request (as the Control page sends it)
// to HAProxy's runtime API reporting 100 % of traffic on blue. Each run starts
// a real cutover on the demo release (driver.production = a real HAProxy, set
// through the settings API), waits until green carries traffic and the
// cutover is baking — where a person watching the metrics presses abort —
// then aborts and polls `show stat` back to back. Baseline in the same run:
// the same weight change sent straight to HAProxy's runtime API, the floor.
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { parseHaproxyAddress } from "@/lib/drivers/config";
import { parseShowStat, runtimeCommand } from "@/lib/drivers/haproxy-runtime";
import { haproxyBinary, haproxyInstalled, startHaproxyLab, type HaproxyLab } from "../test/haproxy-lab";
import { createBenchDatabase, createToken, ensureProductionBuild, startServer } from "./lib/harness";
import { ms, summary, verdict } from "./lib/stats";

const RUNS = Number(process.env.BENCH_ABORT_RUNS ?? 50);
const PORT = 3203;
const TARGET_P95_MS = 100;
const GREEN_TIMEOUT_MS = 60_000;
// After the bake starts, so the abort does not land on the worker's own step
// bookkeeping (a narrower race the engine handles, not the common case).
const SETTLE_MS = 100;

type Weights = { blue: number; green: number };

class Api {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  async send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return JSON.parse(text) as T;
  }
}

interface Release {
  id: string;
  version: string;
}

export async function runAbortLatency(): Promise<void> {
  if (!haproxyInstalled) {
    console.log(`\nbench/abort-latency — skipped: ${haproxyBinary} is not installed (apt-get install haproxy)`);
    return;
  }
  ensureProductionBuild();
  const database = await createBenchDatabase("lc_bench_abort");
  const lab = await startHaproxyLab();
  const server = await startServer(database.url, PORT);
  try {
    const token = (role: string) => createToken(database.url, `${role}@demo.launch-control.local`, "bench-abort");
    const manager = new Api(server.baseUrl, token("rm"));
    const release = await prepareRelease(server.baseUrl, lab, manager, { engineer: token("engineer"), approver: token("approver"), admin: token("admin") });

    const abortToBlue: number[] = [];
    const abortAnswered: number[] = [];
    const direct: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const measured = await abortOneCutover(manager, release, lab);
      abortToBlue.push(measured.toBlue);
      abortAnswered.push(measured.answered);
      // Same weight change, same HAProxy, same moment of the run: the floor.
      direct.push(await directAbort(lab));
    }

    const app = summary(abortToBlue);
    const answered = summary(abortAnswered);
    const floor = summary(direct);
    console.log(`\nbench/abort-latency — ${RUNS} cutovers aborted while baking at green > 0, HAProxy runtime API over a unix socket`);
    console.log(`  abort request → HAProxy 100 % blue   p50 ${ms(app.p50)}  p95 ${ms(app.p95)}   target p95 ≤ ${TARGET_P95_MS} ms: ${verdict(app.p95 <= TARGET_P95_MS)}`);
    console.log(`  abort HTTP answer                    p50 ${ms(answered.p50)}  p95 ${ms(answered.p95)}`);
    console.log(`  baseline straight to runtime API     p50 ${ms(floor.p50)}  p95 ${ms(floor.p95)}`);
    console.log(`  overhead over baseline               p50 ${ms(app.p50 - floor.p50)}  p95 ${ms(app.p95 - floor.p95)}`);
  } finally {
    await server.stop();
    await lab.stop();
    await database.drop();
  }
}

// The demo release, made ready for a cutover through the API: HAProxy as its
// production driver, the go-live checklist done, Go/No-Go requested and
// approved by two people other than the requester.
async function prepareRelease(baseUrl: string, lab: HaproxyLab, manager: Api, tokens: { engineer: string; approver: string; admin: string }): Promise<Release> {
  const { releases } = await manager.send<{ releases: Release[] }>("GET", "/api/v1/releases");
  const release = releases[0];
  if (!release) throw new Error("no demo release");
  const base = `/api/v1/releases/${release.id}`;

  const current = await manager.send<{ version: number }>("GET", `${base}/settings/driver.production`);
  await manager.send("PUT", `${base}/settings/driver.production`, {
    settings: { kind: "haproxy", address: lab.unixAddress, backend: lab.backend, blueServer: "blue", greenServer: "green", timeoutMs: 2000 },
    version: current.version,
  });

  const engineer = new Api(baseUrl, tokens.engineer);
  const checklist = await engineer.send<{ sections: { items: { id: string; version: number; status: string; requiredForGoLive: boolean }[] }[] }>("GET", `${base}/checklist`);
  for (const item of checklist.sections.flatMap((section) => section.items)) {
    if (!item.requiredForGoLive || item.status === "done" || item.status === "n_a") continue;
    await engineer.send("PATCH", `${base}/checklist/items/${item.id}`, { version: item.version, status: "done" });
  }

  const { gates } = await manager.send<{ gates: { id: string; key: string; version: number }[] }>("GET", `${base}/gates`);
  const goNoGo = gates.find((gate) => gate.key === "go_no_go");
  if (!goNoGo) throw new Error("the demo release has no go_no_go gate");
  let gate = (await manager.send<{ gate: { version: number } }>("POST", `${base}/gates/${goNoGo.id}/request`)).gate;
  for (const approver of [tokens.approver, tokens.admin]) {
    gate = (await new Api(baseUrl, approver).send<{ gate: { version: number } }>("POST", `${base}/gates/${goNoGo.id}/decisions`, { kind: "approve", version: gate.version })).gate;
  }
  return release;
}

async function abortOneCutover(manager: Api, release: Release, lab: HaproxyLab): Promise<{ toBlue: number; answered: number }> {
  const base = `/api/v1/releases/${release.id}`;
  const { operation } = await manager.send<{ operation: { id: string } }>("POST", `${base}/operations`, {
    kind: "cutover",
    idempotencyKey: randomUUID(),
    confirmVersion: release.version,
  });
  await waitForGreen(lab, manager, `${base}/operations/${operation.id}`);

  const started = performance.now();
  const abort = manager.send<{ operation: { status: string } }>("POST", `${base}/operations/${operation.id}/abort`).then((answer) => ({ answer, at: performance.now() }));
  const allBlueAt = await pollUntil(lab, (weights) => weights.green === 0 && weights.blue > 0);
  const { answer, at } = await abort;
  if (answer.operation.status !== "aborted") throw new Error(`abort answered with status ${answer.operation.status}`);
  return { toBlue: allBlueAt - started, answered: at - started };
}

// Green is at 10 % (set by HAProxy's own commands), then both weights change
// exactly as an abort changes them.
async function directAbort(lab: HaproxyLab): Promise<number> {
  const address = labAddress(lab);
  await runtimeCommand(address, "set server app/green weight 10", 1000);
  await runtimeCommand(address, "set server app/blue weight 90", 1000);
  const started = performance.now();
  await runtimeCommand(address, "set server app/green weight 0", 1000);
  await runtimeCommand(address, "set server app/blue weight 100", 1000);
  const allBlueAt = await pollUntil(lab, (weights) => weights.green === 0 && weights.blue > 0);
  return allBlueAt - started;
}

interface OperationDetail {
  status: string;
  reason: string | null;
  steps: { kind: string; status: string }[];
}

async function waitForGreen(lab: HaproxyLab, manager: Api, operationPath: string): Promise<void> {
  const deadline = Date.now() + GREEN_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if ((await readWeights(lab)).green > 0) {
      const { operation } = await manager.send<{ operation: OperationDetail }>("GET", operationPath);
      if (operation.steps.some((step) => step.kind === "bake" && step.status === "running")) {
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
        return;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const { operation } = await manager.send<{ operation: OperationDetail }>("GET", operationPath);
  throw new Error(`green got no traffic within ${GREEN_TIMEOUT_MS} ms; the cutover is ${operation.status}${operation.reason ? `: ${operation.reason}` : ""}`);
}

// Back to back, no sleep: the first answer that satisfies `done` is the time.
async function pollUntil(lab: HaproxyLab, done: (weights: Weights) => boolean): Promise<number> {
  const deadline = performance.now() + 10_000;
  while (performance.now() < deadline) {
    if (done(await readWeights(lab))) return performance.now();
  }
  throw new Error("HAProxy did not report 100 % blue within 10 s");
}

async function readWeights(lab: HaproxyLab): Promise<Weights> {
  const rows = parseShowStat(await runtimeCommand(labAddress(lab), "show stat app 4 -1", 1000));
  const weight = (server: string) => rows.find((row) => row.server === server)?.userWeight ?? Number.NaN;
  return { blue: weight("blue"), green: weight("green") };
}

function labAddress(lab: HaproxyLab) {
  const address = parseHaproxyAddress(lab.unixAddress);
  if (!address) throw new Error(`bad lab address ${lab.unixAddress}`);
  return address;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runAbortLatency().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
