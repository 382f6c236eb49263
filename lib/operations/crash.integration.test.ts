import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { driverForRelease } from "@/lib/drivers/create-driver";
import { enqueueOperation, stopQueue } from "@/lib/operations/queue";
import { saveReleaseSettings } from "@/lib/settings/save-settings";
import { createTestRelease, createTestUser, type TestUser } from "@/test/api-fixtures";
import { actorOf, approveGate, asAuthUser, completeRequiredItems, judgeCriteriaAsDryRun, newKey, operationRow, setCutoverSettings, waitFor, waitForRunningStep, waitForStatus } from "@/test/operation-fixtures";
import { haproxyBinary, haproxyInstalled, startHaproxyLab, type HaproxyLab } from "@/test/haproxy-lab";
import { startOperation } from "./start-operation";

// kill -9 of the process running an operation, mid-step: a new worker
// process resumes a step that is safe to repeat, parks one that is not, and
// the recorded split always equals what the driver reports, the simulated
// one and a real HAProxy alike.

const root = path.resolve(import.meta.dirname, "../..");
const children = new Set<ChildProcess>();
let engineer: TestUser;
let approvers: TestUser[];

interface Worker {
  child: ChildProcess;
  output: string[];
}

function spawnWorker(entry: string): Worker {
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL, NODE_ENV: "test" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  children.add(child);
  child.on("exit", () => children.delete(child));
  return { child, output };
}

async function killHard(worker: Worker): Promise<void> {
  const exited = new Promise((resolve) => worker.child.once("exit", resolve));
  worker.child.kill("SIGKILL");
  await exited;
}

async function driverGreen(releaseId: string): Promise<number> {
  const driver = await driverForRelease(releaseId, "production");
  return (await driver.readState(() => undefined)).greenPercent;
}

beforeAll(async () => {
  engineer = await createTestUser("ENGINEER");
  approvers = [await createTestUser("APPROVER"), await createTestUser("APPROVER")];
});

afterEach(async () => {
  await Promise.all([...children].map((child) => killHard({ child, output: [] })));
});

afterAll(async () => {
  await stopQueue();
});

describe("a worker killed mid-operation", () => {
  it("resumes a cutover cut off during a bake (safe to repeat); the recorded split equals the driver's", async () => {
    const { releaseId } = await createTestRelease();
    await completeRequiredItems(releaseId);
    await approveGate(releaseId, "go_no_go", engineer, approvers);
    await setCutoverSettings(releaseId, { steps: [30, 100], bakeSeconds: 6 });
    await judgeCriteriaAsDryRun(releaseId);
    const { version } = await prisma.release.findUniqueOrThrow({ where: { id: releaseId }, select: { version: true } });

    const first = spawnWorker("lib/workers/run-worker.ts");
    const { operation } = await startOperation(actorOf(engineer), asAuthUser(engineer), releaseId, {
      kind: "cutover",
      idempotencyKey: newKey(),
      confirmVersion: version,
      rehearsal: false,
    });
    await waitForRunningStep(operation.id, 2, 30_000).catch((error: unknown) => {
      throw new Error(`${String(error)}\nworker output:\n${first.output.join("")}`);
    });
    await killHard(first);

    const orphaned = await operationRow(operation.id);
    expect(orphaned.status).toBe("running");
    expect(orphaned.steps[2]!.status).toBe("running");
    expect(orphaned.confirmedGreen).toBe(30);
    expect(await driverGreen(releaseId)).toBe(30);

    const second = spawnWorker("lib/workers/run-worker.ts");
    const done = await waitForStatus(operation.id, "succeeded", 60_000).catch((error: unknown) => {
      throw new Error(`${String(error)}\nworker output:\n${second.output.join("")}`);
    });
    expect(done.steps[2]!.attempts).toBe(2);
    expect(done.steps.every((step) => step.status === "succeeded")).toBe(true);
    expect(done.leaseOwner).toBeNull();
    expect(done.confirmedGreen).toBe(100);
    expect(await driverGreen(releaseId)).toBe(done.confirmedGreen);
    expect((await prisma.release.findUniqueOrThrow({ where: { id: releaseId } })).status).toBe("live");
    const logs = await prisma.operationLog.findMany({ where: { operationId: operation.id, stepId: done.steps[2]!.id }, select: { message: true } });
    expect(logs.some((line) => line.message.includes("running it again"))).toBe(true);
  }, 120_000);

  it("parks an operation cut off during a step that is not safe to repeat, with the reason", async () => {
    const { releaseId } = await createTestRelease();
    const operation = await prisma.operation.create({
      data: {
        releaseId,
        kind: "cutover",
        idempotencyKey: newKey(),
        params: {},
        steps: {
          create: [
            { position: 0, kind: "set_split", params: { greenPercent: 20 } },
            { position: 1, kind: "test_hold", params: {} },
            { position: 2, kind: "set_split", params: { greenPercent: 100 } },
          ],
        },
      },
    });
    await prisma.release.update({ where: { id: releaseId }, data: { activeOperationId: operation.id } });

    const first = spawnWorker("test/fixtures/crash-worker.ts");
    await enqueueOperation(operation.id);
    await waitForRunningStep(operation.id, 1, 30_000).catch((error: unknown) => {
      throw new Error(`${String(error)}\nworker output:\n${first.output.join("")}`);
    });
    await killHard(first);

    const second = spawnWorker("test/fixtures/crash-worker.ts");
    const parked = await waitForStatus(operation.id, "needs_attention", 60_000).catch((error: unknown) => {
      throw new Error(`${String(error)}\nworker output:\n${second.output.join("")}`);
    });
    expect(parked.reason).toBe("Step 2: server stopped during test_hold; check whether the held effect was applied before resuming");
    expect(parked.steps[1]!.status).toBe("failed");
    expect(parked.steps[1]!.attempts).toBe(1);
    expect(parked.steps[2]!.status).toBe("pending");
    expect(parked.confirmedGreen).toBe(20);
    expect(await driverGreen(releaseId)).toBe(20);
    await waitFor("the audit of the parking", async () =>
      prisma.auditEvent.findFirst({ where: { subjectId: operation.id, action: "operation.needs_attention" } }),
    );
  }, 120_000);
});

if (!haproxyInstalled) console.warn(`Skipping the HAProxy crash test: ${haproxyBinary} is not installed (apt-get install haproxy).`);

describe.skipIf(!haproxyInstalled)("a worker killed mid-cutover on a real HAProxy", () => {
  let lab: HaproxyLab | undefined;

  beforeAll(async () => {
    lab = await startHaproxyLab();
  });

  afterAll(async () => {
    await lab?.stop();
  });

  it("resumes a cutover cut off during the 25 % bake; HAProxy's weights equal the recorded split after the kill and at the end", async () => {
    const haproxy = lab!;
    const { releaseId } = await createTestRelease();
    await saveReleaseSettings(actorOf(engineer), releaseId, "driver.production", {
      settings: { kind: "haproxy", address: haproxy.unixAddress, backend: haproxy.backend, blueServer: "blue", greenServer: "green", timeoutMs: 2000 },
    });
    await completeRequiredItems(releaseId);
    await approveGate(releaseId, "go_no_go", engineer, approvers);
    await setCutoverSettings(releaseId, { steps: [25, 100], bakeSeconds: 6 });
    await judgeCriteriaAsDryRun(releaseId);
    const { version } = await prisma.release.findUniqueOrThrow({ where: { id: releaseId }, select: { version: true } });
    expect(await haproxy.reportedWeights()).toEqual({ blue: 100, green: 0 });

    const first = spawnWorker("lib/workers/run-worker.ts");
    const { operation } = await startOperation(actorOf(engineer), asAuthUser(engineer), releaseId, {
      kind: "cutover",
      idempotencyKey: newKey(),
      confirmVersion: version,
      rehearsal: false,
    });
    // Steps: 0 health_check, 1 set_split 25, 2 bake, 3 analysis, 4 set_split 100, 5 bake, 6 analysis.
    const baking = await waitForRunningStep(operation.id, 2, 30_000).catch((error: unknown) => {
      throw new Error(`${String(error)}\nworker output:\n${first.output.join("")}`);
    });
    expect(baking.steps[2]!.kind).toBe("bake");
    expect(await driverGreen(releaseId)).toBe(25);
    await killHard(first);

    const orphaned = await operationRow(operation.id);
    expect(orphaned.status).toBe("running");
    expect(orphaned.steps[2]!.status).toBe("running");
    expect(await haproxy.reportedWeights()).toEqual({ blue: 75, green: 25 });
    expect(orphaned.confirmedGreen).toBe(await driverGreen(releaseId));
    expect(orphaned.confirmedGreen).toBe(25);

    const second = spawnWorker("lib/workers/run-worker.ts");
    const done = await waitForStatus(operation.id, "succeeded", 45_000).catch((error: unknown) => {
      throw new Error(`${String(error)}\nworker output:\n${second.output.join("")}`);
    });
    expect(done.steps[2]!.attempts).toBe(2);
    expect(done.steps.every((step) => step.status === "succeeded")).toBe(true);
    expect(done.leaseOwner).toBeNull();
    expect(await haproxy.reportedWeights()).toEqual({ blue: 0, green: 100 });
    expect(await driverGreen(releaseId)).toBe(100);
    expect(done.confirmedGreen).toBe(await driverGreen(releaseId));
    expect((await prisma.release.findUniqueOrThrow({ where: { id: releaseId } })).status).toBe("live");
  }, 60_000);
});
