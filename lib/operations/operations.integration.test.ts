import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as abortRoute } from "@/app/api/v1/releases/[releaseId]/operations/[operationId]/abort/route";
import { POST as evidenceRoute } from "@/app/api/v1/releases/[releaseId]/operations/[operationId]/evidence/route";
import { POST as pauseRoute } from "@/app/api/v1/releases/[releaseId]/operations/[operationId]/pause/route";
import { POST as resumeRoute } from "@/app/api/v1/releases/[releaseId]/operations/[operationId]/resume/route";
import { GET as getOperationRoute } from "@/app/api/v1/releases/[releaseId]/operations/[operationId]/route";
import { POST as startRoute } from "@/app/api/v1/releases/[releaseId]/operations/route";
import { GET as listReportsRoute, POST as createReportRoute } from "@/app/api/v1/releases/[releaseId]/rollback-reports/route";
import { GET as trafficRoute } from "@/app/api/v1/releases/[releaseId]/traffic/route";
import { prisma } from "@/lib/db/client";
import { driverForRelease } from "@/lib/drivers/create-driver";
import { setSimulationFaults } from "@/lib/drivers/simulated";
import { stopQueue } from "@/lib/operations/queue";
import { startOperationsWorker, type OperationsWorker } from "@/lib/workers/operations";
import { call, createTestRelease, createTestUser, type ErrorBody, type TestUser } from "@/test/api-fixtures";
import {
  actorOf,
  approveGate,
  completeRequiredItems,
  judgeCriteriaAsDryRun,
  newKey,
  operationRow,
  revokeApproval,
  setCutoverSettings,
  waitFor,
  waitForRunningStep,
  waitForStatus,
} from "@/test/operation-fixtures";
import type { OperationDetailDto, OperationSummaryDto, RollbackReportDto, TrafficDto } from "./operations.validation";
import type { Precondition } from "./preconditions";

// Operations end to end against real Postgres: route handlers start and
// control them, the pg-boss worker (in this process) runs them on the
// simulated driver.

let worker: OperationsWorker;
let engineer: TestUser;
let manager: TestUser;
let approvers: TestUser[];

beforeAll(async () => {
  worker = await startOperationsWorker(() => undefined);
  engineer = await createTestUser("ENGINEER");
  manager = await createTestUser("RELEASE_MANAGER");
  approvers = [await createTestUser("APPROVER"), await createTestUser("APPROVER")];
});

afterAll(async () => {
  await worker.stop();
  await stopQueue();
});

interface ReadyRelease {
  releaseId: string;
  version: string;
}

async function readyRelease(settings: { steps: number[]; bakeSeconds: number } = { steps: [50, 100], bakeSeconds: 1 }): Promise<ReadyRelease> {
  const { releaseId } = await createTestRelease();
  await completeRequiredItems(releaseId);
  await approveGate(releaseId, "go_no_go", engineer, approvers);
  await setCutoverSettings(releaseId, settings);
  await judgeCriteriaAsDryRun(releaseId);
  const { version } = await prisma.release.findUniqueOrThrow({ where: { id: releaseId }, select: { version: true } });
  return { releaseId, version };
}

async function start(release: ReadyRelease, body: Record<string, unknown> = {}) {
  return call<{ operation: OperationSummaryDto } & Partial<ErrorBody>>(startRoute, {
    method: "POST",
    params: { releaseId: release.releaseId },
    body: { kind: "cutover", idempotencyKey: newKey(), confirmVersion: release.version, ...body },
    as: engineer,
  });
}

async function control(route: typeof abortRoute, release: ReadyRelease, operationId: string) {
  return call<{ operation: OperationSummaryDto } & Partial<ErrorBody>>(route, {
    method: "POST",
    params: { releaseId: release.releaseId, operationId },
    as: engineer,
  });
}

async function greenNow(releaseId: string, purpose: "production" | "rehearsal" = "production"): Promise<number> {
  const driver = await driverForRelease(releaseId, purpose);
  return (await driver.readState(() => undefined)).greenPercent;
}

async function auditActions(releaseId: string, subjectId: string): Promise<string[]> {
  const events = await prisma.auditEvent.findMany({ where: { releaseId, subjectId }, orderBy: { id: "asc" }, select: { action: true } });
  return events.map((event) => event.action);
}

describe("cutover", () => {
  it("runs every step to 100 % green with 1 s bakes and the release goes live", async () => {
    const release = await readyRelease({ steps: [10, 25, 50, 100], bakeSeconds: 1 });
    const started = await start(release);
    expect(started.status).toBe(201);
    expect(started.body.operation.status).toBe("pending");

    const done = await waitForStatus(started.body.operation.id, "succeeded", 30_000);
    expect(done.steps.map((step) => step.kind)).toEqual([
      "health_check",
      ...[10, 25, 50, 100].flatMap(() => ["set_split", "bake", "analysis"]),
    ]);
    expect(done.steps.every((step) => step.status === "succeeded" && step.attempts === 1)).toBe(true);
    expect(done.confirmedGreen).toBe(100);
    expect(done.leaseOwner).toBeNull();
    expect(await greenNow(release.releaseId)).toBe(100);

    const after = await prisma.release.findUniqueOrThrow({ where: { id: release.releaseId }, select: { status: true, activeOperationId: true } });
    expect(after).toEqual({ status: "live", activeOperationId: null });

    const actions = await auditActions(release.releaseId, done.id);
    expect(actions[0]).toBe("operation.requested");
    expect(actions).toContain("operation.started");
    expect(actions.filter((action) => action === "operation.step.succeeded")).toHaveLength(13);
    expect(actions.at(-1)).toBe("operation.succeeded");

    const detail = await call<{ operation: OperationDetailDto }>(getOperationRoute, { params: { releaseId: release.releaseId, operationId: done.id }, as: engineer });
    expect(detail.status).toBe(200);
    expect(detail.body.operation.steps).toHaveLength(13);
    expect(detail.body.operation.logs.some((line) => line.message.includes("driver confirms green at 25 %"))).toBe(true);

    const traffic = await call<{ traffic: TrafficDto }>(trafficRoute, { params: { releaseId: release.releaseId }, as: engineer });
    expect(traffic.status).toBe(200);
    expect(traffic.body.traffic).toMatchObject({ driver: "simulated", greenPercent: 100, weights: { blue: 0, green: 100 } });
  });

  it("returns the same operation for a repeated idempotency key", async () => {
    const release = await readyRelease();
    const idempotencyKey = newKey();
    const first = await start(release, { idempotencyKey });
    const second = await start(release, { idempotencyKey });
    expect([first.status, second.status]).toEqual([201, 200]);
    expect(second.body.operation.id).toBe(first.body.operation.id);
    expect(await prisma.operation.count({ where: { releaseId: release.releaseId } })).toBe(1);
    await waitForStatus(first.body.operation.id, "succeeded");
  });

  it("lets exactly one of two concurrent starts with different keys win; the other gets 409", async () => {
    const release = await readyRelease({ steps: [100], bakeSeconds: 1 });
    const answers = await Promise.all([start(release), start(release)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    const refused = answers.find((answer) => answer.status === 409)!;
    expect(refused.body.error?.code).toBe("PRECONDITION_FAILED");
    const missing = (refused.body.error?.details as { missing: Precondition[] }).missing;
    expect(missing.map((m) => m.code)).toEqual(["OPERATION_ACTIVE"]);
    expect(await prisma.operation.count({ where: { releaseId: release.releaseId } })).toBe(1);
    const winner = answers.find((answer) => answer.status === 201)!;
    await waitForStatus(winner.body.operation.id, "succeeded");
  });

  it("is refused with everything that is missing listed at once", async () => {
    const { releaseId } = await createTestRelease();
    const { version } = await prisma.release.findUniqueOrThrow({ where: { id: releaseId }, select: { version: true } });
    const refused = await start({ releaseId, version });
    expect(refused.status).toBe(409);
    expect(refused.body.error?.code).toBe("PRECONDITION_FAILED");
    const missing = (refused.body.error?.details as { missing: Precondition[] }).missing;
    const codes = missing.map((m) => m.code);
    expect(codes).toContain("APPROVALS_MISSING");
    expect(codes).toContain("CHECKLIST_INCOMPLETE");
    expect(missing.find((m) => m.code === "CHECKLIST_INCOMPLETE")?.itemKeys).toContain("environment.rollback-tested");
    expect(await prisma.operation.count({ where: { releaseId } })).toBe(0);
  });

  it("needs the release's version typed to confirm", async () => {
    const release = await readyRelease();
    const refused = await start(release, { confirmVersion: "v0.0.0-wrong" });
    expect(refused.status).toBe(400);
    expect(refused.body.error?.code).toBe("VALIDATION_FAILED");
    expect(await prisma.operation.count({ where: { releaseId: release.releaseId } })).toBe(0);
  });

  it("pauses mid-bake, holds the split, and resumes with the rest of the bake", async () => {
    const release = await readyRelease({ steps: [50, 100], bakeSeconds: 3 });
    const { body } = await start(release);
    const operationId = body.operation.id;
    await waitForRunningStep(operationId, 2);
    await new Promise((resolve) => setTimeout(resolve, 1000));

    const paused = await control(pauseRoute, release, operationId);
    expect(paused.status).toBe(200);
    expect(paused.body.operation.status).toBe("paused");
    const held = await waitFor("the bake to hand back", async () => {
      const op = await operationRow(operationId);
      return op.steps[2]!.status === "pending" && op.leaseOwner === null ? op : null;
    });
    const checkpoint = held.steps[2]!.result as { bakedMs: number; since: string | null };
    expect(checkpoint.since).toBeNull();
    expect(checkpoint.bakedMs).toBeGreaterThanOrEqual(800);
    expect(checkpoint.bakedMs).toBeLessThan(3000);

    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await operationRow(operationId)).status).toBe("paused");
    expect(await greenNow(release.releaseId)).toBe(50);

    const resumedAt = Date.now();
    const resumed = await control(resumeRoute, release, operationId);
    expect(resumed.status).toBe(200);
    const bakeDone = await waitFor("the resumed bake to finish", async () => {
      const op = await operationRow(operationId);
      return op.steps[2]!.status === "succeeded" ? op.steps[2]! : null;
    });
    // Only the remainder was baked after the resume, not the full 3 s.
    expect(bakeDone.finishedAt!.getTime() - resumedAt).toBeLessThan(3000 - 500);
    expect(bakeDone.attempts).toBe(2);
    const done = await waitForStatus(operationId, "succeeded");
    expect(done.confirmedGreen).toBe(100);
    expect(await auditActions(release.releaseId, operationId)).toEqual(expect.arrayContaining(["operation.paused", "operation.step.interrupted", "operation.resumed", "operation.running"]));
  });

  it("aborts to 0 % green within the request and the operation ends aborted", async () => {
    const release = await readyRelease({ steps: [25, 100], bakeSeconds: 60 });
    const { body } = await start(release);
    const operationId = body.operation.id;
    await waitForRunningStep(operationId, 2);
    expect(await greenNow(release.releaseId)).toBe(25);

    const aborted = await control(abortRoute, release, operationId);
    expect(aborted.status).toBe(200);
    expect(aborted.body.operation.status).toBe("aborted");
    expect(aborted.body.operation.confirmedGreen).toBe(0);
    expect(await greenNow(release.releaseId)).toBe(0);

    const row = await operationRow(operationId);
    expect(row.steps[2]!.status).toBe("aborted");
    expect(row.steps.slice(3).every((step) => step.status === "skipped")).toBe(true);
    expect((await prisma.release.findUniqueOrThrow({ where: { id: release.releaseId } })).activeOperationId).toBeNull();
    // The worker's bake wakes at once and lets go of the operation.
    await waitFor("the worker to let go", async () => (await operationRow(operationId)).leaseOwner === null, 3000);
    expect(await greenNow(release.releaseId)).toBe(0);
    expect(await auditActions(release.releaseId, operationId)).toContain("operation.aborted");

    const again = await control(abortRoute, release, operationId);
    expect(again.status).toBe(409);
  });

  it("parks in needs_attention with the reason when green fails its health check", async () => {
    const release = await readyRelease();
    await setSimulationFaults(actorOf(manager), release.releaseId, { environment: "green", errorRate: 8, latencyMs: 0 });
    const { body } = await start(release);
    const parked = await waitForStatus(body.operation.id, "needs_attention");
    expect(parked.reason).toMatch(/^Step 1 \(health_check\) failed: green is unhealthy: 8 % of probes fail/);
    expect(parked.steps[0]!.status).toBe("failed");
    expect(parked.confirmedGreen).toBe(0);
    expect(parked.leaseOwner).toBeNull();
    // Still the release's operation: someone must resume or abort it.
    expect((await prisma.release.findUniqueOrThrow({ where: { id: release.releaseId } })).activeOperationId).toBe(body.operation.id);
    expect(await auditActions(release.releaseId, body.operation.id)).toEqual(expect.arrayContaining(["operation.step.failed", "operation.needs_attention"]));

    // Healed and resumed, it carries on from the failed step.
    await setSimulationFaults(actorOf(manager), release.releaseId, { environment: "green", errorRate: 0, latencyMs: 0 });
    expect((await control(resumeRoute, release, body.operation.id)).status).toBe(200);
    const done = await waitForStatus(body.operation.id, "succeeded");
    expect(done.steps[0]!.attempts).toBe(2);
  });

  it("cancels a scheduled cutover whose gate was revoked before its time", async () => {
    const release = await readyRelease();
    const scheduledAt = new Date(Date.now() + 1500).toISOString();
    const { status, body } = await start(release, { scheduledAt });
    expect(status).toBe(201);
    expect(body.operation.status).toBe("scheduled");
    await revokeApproval(release.releaseId, "go_no_go", approvers[0]!);

    const cancelled = await waitForStatus(body.operation.id, "cancelled", 15_000);
    expect(cancelled.reason).toMatch(/go_no_go/);
    expect(cancelled.startedAt).toBeNull();
    expect(cancelled.steps.every((step) => step.attempts === 0)).toBe(true);
    expect(await greenNow(release.releaseId)).toBe(0);
    expect((await prisma.release.findUniqueOrThrow({ where: { id: release.releaseId } })).activeOperationId).toBeNull();
    expect(await auditActions(release.releaseId, body.operation.id)).toEqual(["operation.scheduled", "operation.cancelled"]);
  });

  it("starts a scheduled cutover at its time while the gate is still approved", async () => {
    const release = await readyRelease({ steps: [100], bakeSeconds: 0 });
    const scheduledAt = new Date(Date.now() + 1500);
    const { body } = await start(release, { scheduledAt: scheduledAt.toISOString() });
    const done = await waitForStatus(body.operation.id, "succeeded", 15_000);
    expect(done.startedAt!.getTime()).toBeGreaterThanOrEqual(scheduledAt.getTime());
  });
});

describe("rollback and rehearsal", () => {
  it("moves traffic to blue, marks the release rolled back and waits for a report", async () => {
    const release = await readyRelease({ steps: [100], bakeSeconds: 0 });
    await waitForStatus((await start(release)).body.operation.id, "succeeded");
    await approveGate(release.releaseId, "rollback", engineer, [manager]);

    const { status, body } = await start(release, { kind: "rollback" });
    expect(status).toBe(201);
    const done = await waitForStatus(body.operation.id, "succeeded");
    expect(done.steps.map((step) => step.kind)).toEqual(["traffic_to_blue", "notify", "request_report"]);
    expect(done.confirmedGreen).toBe(0);
    expect(await greenNow(release.releaseId)).toBe(0);
    expect((await prisma.release.findUniqueOrThrow({ where: { id: release.releaseId } })).status).toBe("rolled_back");

    const before = await call<{ reports: RollbackReportDto[]; outstanding: { operationId: string }[] }>(listReportsRoute, { params: { releaseId: release.releaseId }, as: engineer });
    expect(before.body.outstanding.map((o) => o.operationId)).toEqual([body.operation.id]);
    const created = await call<{ report: RollbackReportDto }>(createReportRoute, {
      method: "POST",
      params: { releaseId: release.releaseId },
      body: { operationId: body.operation.id, cause: "Error rate above 5 % on green", fixPlan: "Fix the connection pool size", newScheduleAt: new Date(Date.now() + 86_400_000).toISOString() },
      as: engineer,
    });
    expect(created.status).toBe(201);
    const after = await call<{ reports: RollbackReportDto[]; outstanding: unknown[] }>(listReportsRoute, { params: { releaseId: release.releaseId }, as: engineer });
    expect(after.body.reports).toHaveLength(1);
    expect(after.body.outstanding).toEqual([]);
  });

  it("rehearses on the rehearsal driver without gates, and a cutover plus rollback rehearsal becomes checklist evidence", async () => {
    const { releaseId } = await createTestRelease();
    await setCutoverSettings(releaseId, { steps: [50, 100], bakeSeconds: 0 });
    const { version } = await prisma.release.findUniqueOrThrow({ where: { id: releaseId }, select: { version: true } });
    const release = { releaseId, version };

    const cutover = await start(release, { rehearsal: true });
    expect(cutover.status).toBe(201);
    expect(cutover.body.operation.rehearsal).toBe(true);
    const cutoverDone = await waitForStatus(cutover.body.operation.id, "succeeded");
    expect(await greenNow(releaseId, "rehearsal")).toBe(100);
    expect(await greenNow(releaseId, "production")).toBe(0);
    const untouched = await prisma.release.findUniqueOrThrow({ where: { id: releaseId }, select: { status: true, activeOperationId: true } });
    expect(untouched).toEqual({ status: "planned", activeOperationId: null });

    const early = await call(evidenceRoute, { method: "POST", params: { releaseId, operationId: cutoverDone.id }, body: {}, as: engineer });
    expect(early.status).toBe(409);

    const rollback = await start(release, { kind: "rollback", rehearsal: true });
    await waitForStatus(rollback.body.operation.id, "succeeded");
    expect(await greenNow(releaseId, "rehearsal")).toBe(0);

    const attached = await call<{ items: { key: string; evidenceUrl: string }[] }>(evidenceRoute, {
      method: "POST",
      params: { releaseId, operationId: rollback.body.operation.id },
      body: {},
      as: engineer,
    });
    expect(attached.status).toBe(200);
    expect(attached.body.items.map((item) => item.key).sort()).toEqual(["automation.blue-green-scripts", "environment.rollback-tested"]);
    expect(attached.body.items.every((item) => item.evidenceUrl.endsWith(`/releases/${releaseId}/control?operation=${rollback.body.operation.id}`))).toBe(true);
    const audits = await prisma.auditEvent.findMany({ where: { releaseId, subjectId: cutoverDone.id }, select: { after: true } });
    expect(audits.every((event) => (event.after as { rehearsal?: boolean } | null)?.rehearsal === true)).toBe(true);
  });
});

describe("traffic", () => {
  it("answers 503 with the reason when the driver cannot be reached", async () => {
    const { releaseId } = await createTestRelease();
    await prisma.releaseSetting.create({
      data: { releaseId, key: "driver.production", settings: { kind: "haproxy", address: "tcp://127.0.0.1:1", backend: "app", blueServer: "blue", greenServer: "green", timeoutMs: 500 } },
    });
    const answer = await call(trafficRoute, { params: { releaseId }, as: engineer });
    expect(answer.status).toBe(503);
    expect(answer.body.error.code).toBe("UNAVAILABLE");
    expect(answer.body.error.message).toMatch(/haproxy traffic driver did not answer/);
  });
});
