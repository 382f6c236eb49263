import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listEvaluationsRoute } from "@/app/api/v1/releases/[releaseId]/criteria/evaluations/route";
import { POST as flagRoute } from "@/app/api/v1/releases/[releaseId]/criteria/[criterionId]/flag/route";
import { DELETE as deleteRoute, PATCH as patchRoute } from "@/app/api/v1/releases/[releaseId]/criteria/[criterionId]/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/releases/[releaseId]/criteria/route";
import { GET as guardRoute } from "@/app/api/v1/releases/[releaseId]/guard/route";
import { GET as scorecardRoute } from "@/app/api/v1/releases/[releaseId]/scorecard/route";
import { POST as createCheckRoute } from "@/app/api/v1/releases/[releaseId]/synthetic-checks/route";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { SimulatedDriver, setSimulationFaults } from "@/lib/drivers/simulated";
import { createMetricsPoller } from "@/lib/metrics/poller";
import { persistSamples } from "@/lib/metrics/store-samples";
import { abortOperation } from "@/lib/operations/control-operation";
import { stopQueue } from "@/lib/operations/queue";
import { startOperation } from "@/lib/operations/start-operation";
import { startOperationsWorker, type OperationsWorker } from "@/lib/workers/operations";
import { call, createTestRelease, createTestUser, type TestUser } from "@/test/api-fixtures";
import { actorOf, approveGate, asAuthUser, completeRequiredItems, newKey, operationRow, setCutoverSettings, waitFor, waitForStatus } from "@/test/operation-fixtures";
import type { CriterionDto, EvaluationDto } from "./criteria.validation";
import { evaluateRelease } from "./evaluate-release";
import type { GuardStateDto, ScorecardDto } from "./guard.validation";
import { guardRelease } from "./rollback-guard";
import { runDueSyntheticChecks } from "./run-synthetic-checks";

// Criteria against real Postgres: the API with its rules, evaluations stored
// with their reasons, the cutover's analysis and the rollback guard acting
// on a simulated cutover whose samples come from the real metrics poller,
// a Prometheus that answers 500 or not at all, and the scorecard.

let worker: OperationsWorker;
let manager: TestUser;
let engineer: TestUser;
let viewer: TestUser;
let approvers: TestUser[];
const poller = createMetricsPoller(() => undefined);

beforeAll(async () => {
  worker = await startOperationsWorker(() => undefined);
  manager = await createTestUser("RELEASE_MANAGER");
  engineer = await createTestUser("ENGINEER");
  viewer = await createTestUser("VIEWER");
  approvers = [await createTestUser("APPROVER"), await createTestUser("APPROVER")];
});

afterAll(async () => {
  await worker.stop();
  await stopQueue();
});

async function criterionByKey(releaseId: string, key: string) {
  return prisma.criterion.findUniqueOrThrow({ where: { releaseId_key: { releaseId, key } } });
}

async function setSetting(releaseId: string, key: string, settings: Prisma.InputJsonValue): Promise<void> {
  await prisma.releaseSetting.upsert({ where: { releaseId_key: { releaseId, key } }, create: { releaseId, key, settings }, update: { settings } });
}

// The release's samples as the metrics worker would gather them, once a
// second, until stopped.
function feedMetrics(): () => Promise<void> {
  let running = true;
  const loop = (async () => {
    while (running) {
      await poller.tick();
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  })();
  return async () => {
    running = false;
    await loop;
  };
}

// A release whose cutover may start: checklist done, go/no-go approved, its
// cutover holding 50 % for `bakeSeconds`.
async function readyForCutover(bakeSeconds: number): Promise<{ releaseId: string; version: string }> {
  const { releaseId } = await createTestRelease();
  await completeRequiredItems(releaseId);
  await approveGate(releaseId, "go_no_go", engineer, approvers);
  await setCutoverSettings(releaseId, { steps: [50, 100], bakeSeconds });
  const { version } = await prisma.release.findUniqueOrThrow({ where: { id: releaseId }, select: { version: true } });
  return { releaseId, version };
}

async function startCutover(release: { releaseId: string; version: string }): Promise<string> {
  const { operation } = await startOperation(actorOf(engineer), asAuthUser(engineer), release.releaseId, {
    kind: "cutover",
    idempotencyKey: newKey(),
    confirmVersion: release.version,
    rehearsal: false,
  });
  return operation.id;
}

async function greenPercent(releaseId: string): Promise<number> {
  return (await new SimulatedDriver({ releaseId, purpose: "production" }).readState()).greenPercent;
}

describe("criteria API", () => {
  it("creates, changes and deletes a criterion under its rules, audited as criterion.*", async () => {
    const { releaseId } = await createTestRelease();
    const params = { releaseId };
    const body = { kind: "rollback", key: "rollback.latency", titleKo: "지연", titleEn: "Latency up", metric: "latency_p95", aggregation: "p95", comparator: "gt", baseline: "blue", relativePercent: 50, windowSec: 60, action: "propose_rollback" };
    const created = await call<{ criterion: CriterionDto }>(createRoute, { method: "POST", params, as: manager, body });
    expect(created.status).toBe(201);
    expect(created.body.criterion).toMatchObject({ key: "rollback.latency", environment: "green", baseline: "blue", threshold: null, version: 1, manual: false });

    const duplicate = await call(createRoute, { method: "POST", params, as: manager, body });
    expect(duplicate.status).toBe(409);
    const broken = await call(createRoute, { method: "POST", params, as: manager, body: { ...body, key: "rollback.broken", threshold: 5, comparator: "eq", baseline: "green" } });
    expect(broken.status).toBe(400);
    expect((broken.body.error.details as { path: string[] }[]).map((issue) => issue.path[0]).sort()).toEqual(["baseline", "comparator", "threshold"]);
    const successAction = await call(createRoute, { method: "POST", params, as: manager, body: { ...body, kind: "success", key: "success.latency" } });
    expect(successAction.status).toBe(400);
    expect(successAction.body.error.message).toContain("Only rollback criteria act");
    expect((await call(createRoute, { method: "POST", params, as: engineer, body: { ...body, key: "rollback.other" } })).status).toBe(403);

    const criterionParams = { releaseId, criterionId: created.body.criterion.id };
    // Dropping the baseline without a threshold would leave nothing to compare with.
    const halfway = await call(patchRoute, { method: "PATCH", params: criterionParams, as: manager, body: { version: 1, baseline: null, relativePercent: null } });
    expect(halfway.status).toBe(400);
    const patched = await call<{ criterion: CriterionDto }>(patchRoute, { method: "PATCH", params: criterionParams, as: manager, body: { version: 1, baseline: null, relativePercent: null, threshold: 400 } });
    expect(patched.status).toBe(200);
    expect(patched.body.criterion).toMatchObject({ threshold: 400, baseline: null, version: 2 });
    const stale = await call(patchRoute, { method: "PATCH", params: criterionParams, as: manager, body: { version: 1, threshold: 300 } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("VERSION_CONFLICT");

    const listed = await call<{ criteria: CriterionDto[] }>(listRoute, { params, as: viewer });
    expect(listed.body.criteria.map((c) => c.key)).toContain("rollback.latency");
    expect(listed.body.criteria.filter((c) => c.kind === "rollback").map((c) => c.key)).toEqual(["rollback.availability", "rollback.error-rate", "rollback.data-integrity", "rollback.security", "rollback.latency"]);

    expect((await call(deleteRoute, { method: "DELETE", path: "/x?version=1", params: criterionParams, as: manager })).status).toBe(409);
    const deleted = await call(deleteRoute, { method: "DELETE", path: "/x?version=2", params: criterionParams, as: manager });
    expect(deleted.status).toBe(200);

    const actions = await prisma.auditEvent.findMany({ where: { releaseId, subjectId: created.body.criterion.id }, orderBy: { id: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["criterion.created", "criterion.updated", "criterion.deleted"]);
  });

  it("lets people raise and clear a flag on a check without a metric, and lists it with the reason", async () => {
    const { releaseId } = await createTestRelease();
    const security = await criterionByKey(releaseId, "rollback.security");
    const flagged = await call<{ evaluation: EvaluationDto }>(flagRoute, {
      method: "POST",
      params: { releaseId, criterionId: security.id },
      as: engineer,
      body: { outcome: "fail", note: "CVE in the session library" },
    });
    expect(flagged.status).toBe(200);
    expect(flagged.body.evaluation).toMatchObject({ outcome: "fail", context: "manual", actionable: true, reasonCode: "MANUAL_FLAG" });
    const measured = await criterionByKey(releaseId, "rollback.error-rate");
    expect((await call(flagRoute, { method: "POST", params: { releaseId, criterionId: measured.id }, as: engineer, body: { outcome: "fail", note: "looks bad" } })).status).toBe(409);

    const evaluation = await evaluateRelease(releaseId, { kind: "rollback", context: "guard", criterionIds: [security.id] });
    expect(evaluation.results[0]!.result).toMatchObject({ outcome: "fail", reasonCode: "MANUAL_FLAG", actionable: true });
    expect(evaluation.results[0]!.result.reason).toContain("CVE in the session library");
  });
});

describe("evaluations", () => {
  it("are stored with the values seen and the reason, and listed newest first", async () => {
    const { releaseId } = await createTestRelease();
    const errorRate = await criterionByKey(releaseId, "rollback.error-rate");
    await prisma.criterion.update({ where: { id: errorRate.id }, data: { windowSec: 30 } });
    const now = new Date();
    const samples = Array.from({ length: 30 }, (_, i) => ({ metric: "error_rate", environment: "green" as const, at: new Date(now.getTime() - (29 - i) * 1000), value: 8 }));
    await persistSamples(releaseId, "push", samples);

    await evaluateRelease(releaseId, { kind: "rollback", context: "guard", criterionIds: [errorRate.id], now });
    const listed = await call<{ evaluations: EvaluationDto[] }>(listEvaluationsRoute, { path: `/x?criterionId=${errorRate.id}`, params: { releaseId }, as: viewer });
    expect(listed.status).toBe(200);
    const [stored] = listed.body.evaluations;
    expect(stored).toMatchObject({ criterionKey: "rollback.error-rate", outcome: "fail", judgement: "fail", reasonCode: "BREACH", actionable: true, context: "guard" });
    expect(stored!.reason).toBe("error_rate on green, avg over 30 s = 8 > 5: rollback condition met");
    expect(stored!.values).toMatchObject({ observed: 8, threshold: 5, sampleCount: 30 });
    expect(stored!.values.windowCoverage).toBeGreaterThan(0.9);
  });
});

describe("a Prometheus that cannot answer", () => {
  let server: Server;
  let mode: "error" | "hang" = "error";

  beforeAll(async () => {
    server = createServer((_req, res) => {
      if (mode === "hang") return;
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ status: "error", errorType: "internal", error: "storage unavailable" }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  for (const failure of ["error", "hang"] as const) {
    it(`makes the criterion inconclusive, never a pass on the samples it left (${failure === "error" ? "HTTP 500" : "timeout"})`, async () => {
      mode = failure;
      const { releaseId } = await createTestRelease();
      const errorRate = await criterionByKey(releaseId, "rollback.error-rate");
      await prisma.criterion.update({ where: { id: errorRate.id }, data: { windowSec: 30 } });
      const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      await setSetting(releaseId, "metrics", { kind: "prometheus", baseUrl, queries: { error_rate: { green: "sum(rate(errors[1m]))" } }, intervalSec: 1, timeoutMs: 500 });
      // Healthy figures from before Prometheus broke, still inside the window.
      const now = new Date();
      await persistSamples(releaseId, "prometheus", Array.from({ length: 20 }, (_, i) => ({ metric: "error_rate", environment: "green" as const, at: new Date(now.getTime() - (20 - i) * 1000), value: 0.2 })));
      await poller.tick();

      const evaluation = await evaluateRelease(releaseId, { kind: "rollback", context: "guard", criterionIds: [errorRate.id] });
      const { result } = evaluation.results[0]!;
      expect(result.outcome).toBe("inconclusive");
      expect(result.reasonCode).toBe("SOURCE_ERROR");
      expect(result.reason).toMatch(/source prometheus is failing/);
      expect(evaluation.analysis.outcome).toBe("inconclusive");
    });
  }
});

describe("the cutover's analysis", () => {
  it("aborts the cutover to blue when a rollback criterion fails, naming it in the audit trail", async () => {
    const release = await readyForCutover(3);
    await prisma.criterion.updateMany({ where: { releaseId: release.releaseId, key: "rollback.error-rate" }, data: { threshold: 2, windowSec: 30 } });
    // Below the health check's limit (5 %), above the criterion's (2 %).
    await setSimulationFaults(actorOf(engineer), release.releaseId, { environment: "green", errorRate: 4, latencyMs: 0 });
    const stop = feedMetrics();
    try {
      const operationId = await startCutover(release);
      const aborted = await waitForStatus(operationId, "aborted", 40_000);
      expect(aborted.reason).toMatch(/analysis rollback-criteria failed: .*rollback\.error-rate: error_rate on green, avg over \d+ s = [\d.]+ > 2/);
      expect(aborted.steps.find((step) => step.kind === "analysis")!.status).toBe("failed");
      expect(await greenPercent(release.releaseId)).toBe(0);
      // The abort is recorded first and the driver's confirmation just after it.
      await expect
        .poll(async () => (await prisma.operation.findUniqueOrThrow({ where: { id: operationId } })).confirmedGreen, { timeout: 5_000 })
        .toBe(0);
      const event = await prisma.auditEvent.findFirstOrThrow({ where: { releaseId: release.releaseId, action: "operation.aborted", subjectId: operationId } });
      const details = (event.after as { details: { criteria: { key: string; judgement: string; values: { observed: number } }[] } }).details;
      const failed = details.criteria.find((criterion) => criterion.key === "rollback.error-rate")!;
      expect(failed.judgement).toBe("fail");
      expect(failed.values.observed).toBeGreaterThan(2);
    } finally {
      await stop();
    }
  }, 60_000);

  it("pauses the cutover for a person when the criteria cannot be judged (no samples)", async () => {
    const release = await readyForCutover(0);
    const operationId = await startCutover(release);
    const paused = await waitForStatus(operationId, "paused", 40_000);
    expect(paused.reason).toMatch(/analysis rollback-criteria inconclusive: .*no samples in the window/);
    expect(paused.steps.find((step) => step.kind === "analysis")!.status).toBe("pending");
    expect(await greenPercent(release.releaseId)).toBe(50);
    await abortOperation(actorOf(engineer), release.releaseId, operationId);
  }, 60_000);
});

describe("the rollback guard", () => {
  // A cutover holding 50 % for ten minutes, so only the guard can act; the
  // error-rate criterion judged over 10 s every second.
  async function cutoverUnderWatch(policy: "auto" | "propose") {
    const release = await readyForCutover(600);
    await setSetting(release.releaseId, "guard", { policy, stabilisationHours: 48 });
    await setSetting(release.releaseId, "notifications", { slack: { enabled: true } });
    await prisma.criterion.updateMany({ where: { releaseId: release.releaseId, key: "rollback.error-rate" }, data: { windowSec: 10, intervalSec: 1 } });
    const operationId = await startCutover(release);
    await waitFor("green at 50 %", async () => (await operationRow(operationId)).confirmedGreen === 50, 20_000);
    await setSimulationFaults(actorOf(engineer), release.releaseId, { environment: "green", errorRate: 8, latencyMs: 0 });
    return { ...release, operationId };
  }

  async function guardUntilBreached(releaseId: string) {
    return waitFor(
      "guard.breached",
      async () => {
        await guardRelease(releaseId);
        return prisma.auditEvent.findFirst({ where: { releaseId, action: "guard.breached" } });
      },
      40_000,
    );
  }

  it("with the automatic policy, aborts the cutover: traffic back on blue, the criterion and its values in the audit trail", async () => {
    const stop = feedMetrics();
    try {
      const { releaseId, operationId } = await cutoverUnderWatch("auto");
      const alarm = await guardUntilBreached(releaseId);
      const breach = alarm.after as { criterion: { key: string; title: { en: string } }; values: { observed: number; threshold: number }; window: { from: string; to: string }; policy: string; phase: string };
      expect(breach.criterion).toMatchObject({ key: "rollback.error-rate", title: { en: "API error rate above 5%" } });
      expect(breach.values.observed).toBeGreaterThan(5);
      expect(breach.values.threshold).toBe(5);
      expect(Date.parse(breach.window.to) - Date.parse(breach.window.from)).toBeLessThanOrEqual(10_000);
      expect(breach).toMatchObject({ policy: "auto", phase: "cutover" });

      const aborted = await waitForStatus(operationId, "aborted", 10_000);
      expect(aborted.reason).toContain("rollback guard (rollback.error-rate)");
      expect(await greenPercent(releaseId)).toBe(0);
      const delivery = await prisma.notificationDelivery.findFirst({ where: { releaseId, event: "guard.breached" } });
      expect((delivery!.payload as { message: { en: string } }).message.en).toContain("API error rate above 5%");

      const guard = await call<{ guard: GuardStateDto }>(guardRoute, { params: { releaseId }, as: viewer });
      expect(guard.body.guard.state).toBe("idle");
      expect(guard.body.guard.alerts[0]!.breach).toMatchObject({ criterion: { key: "rollback.error-rate" } });
      expect(guard.body.guard.history.some((evaluation) => evaluation.actionable && evaluation.criterionKey === "rollback.error-rate")).toBe(true);
    } finally {
      await stop();
    }
  }, 90_000);

  it("with the proposing policy, alerts once and leaves the rollback to a person", async () => {
    const stop = feedMetrics();
    try {
      const { releaseId, operationId } = await cutoverUnderWatch("propose");
      const alarm = await guardUntilBreached(releaseId);
      expect(alarm.after).toMatchObject({ policy: "propose", criterion: { key: "rollback.error-rate" } });
      // Later passes see the same breach: no second alert, no abort.
      for (let i = 0; i < 3; i++) {
        await new Promise((resolve) => setTimeout(resolve, 1100));
        await guardRelease(releaseId);
      }
      expect(await prisma.auditEvent.count({ where: { releaseId, action: "guard.breached" } })).toBe(1);
      expect((await operationRow(operationId)).status).toBe("running");
      expect(await greenPercent(releaseId)).toBe(50);
      const guard = await call<{ guard: GuardStateDto }>(guardRoute, { params: { releaseId }, as: viewer });
      expect(guard.body.guard).toMatchObject({ state: "breached", phase: "cutover", operationId, policy: "propose" });
      await abortOperation(actorOf(engineer), releaseId, operationId);
    } finally {
      await stop();
    }
  }, 90_000);
});

describe("the rollback guard after go-live", () => {
  it("starts a rollback by policy during stabilisation, recorded as an override of the Rollback gate", async () => {
    const { releaseId } = await createTestRelease();
    const wentLive = new Date(Date.now() - 3_600_000);
    const cutover = await prisma.operation.create({
      data: { releaseId, kind: "cutover", status: "succeeded", idempotencyKey: newKey(), params: {}, startedAt: new Date(wentLive.getTime() - 600_000), finishedAt: wentLive },
    });
    await prisma.release.update({ where: { id: releaseId }, data: { status: "live" } });
    await setSetting(releaseId, "guard", { policy: "auto", stabilisationHours: 48 });
    await prisma.criterion.updateMany({ where: { releaseId, key: "rollback.availability" }, data: { windowSec: 30 } });
    const now = new Date();
    await persistSamples(releaseId, "push", Array.from({ length: 30 }, (_, i) => ({ metric: "availability", environment: "green" as const, at: new Date(now.getTime() - (29 - i) * 1000), value: 80 })));

    await guardRelease(releaseId, now);
    const rollback = await prisma.operation.findFirstOrThrow({ where: { releaseId, kind: "rollback" } });
    expect(rollback.idempotencyKey).toBe(`rollback-guard:${cutover.id}`);
    const override = await prisma.auditEvent.findFirstOrThrow({ where: { releaseId, action: "gate.overridden" } });
    expect(override.actorLabel).toBe("rollback guard (rollback.availability)");
    expect((override.after as { key: string; comment: string }).key).toBe("rollback");
    expect((override.after as { comment: string }).comment).toMatch(/rollback\.availability breached — availability on green, avg over 30 s = 80 < 90/);
    const done = await waitForStatus(rollback.id, "succeeded", 30_000);
    expect(done.confirmedGreen).toBe(0);
    expect((await prisma.release.findUniqueOrThrow({ where: { id: releaseId } })).status).toBe("rolled_back");

    // The release is no longer live: the guard stands down.
    const guard = await call<{ guard: GuardStateDto }>(guardRoute, { params: { releaseId }, as: viewer });
    expect(guard.body.guard.state).toBe("idle");
  }, 60_000);
});

describe("the success scorecard", () => {
  let site: Server;

  beforeAll(async () => {
    site = createServer((req, res) => {
      res.writeHead(req.url === "/broken" ? 500 : 200, { "content-type": "text/plain" });
      res.end(req.url === "/login" ? "Welcome back" : "ok");
    });
    await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  });

  afterAll(async () => {
    await new Promise((resolve) => site.close(resolve));
  });

  it("shows each criterion's value, window coverage and outcome; key features from the synthetic checks", async () => {
    const { releaseId } = await createTestRelease();
    const now = new Date();
    const minute = 60_000;
    // Availability for the last 6 of 24 hours; error rate for all of them.
    await persistSamples(releaseId, "push", [
      ...Array.from({ length: 360 }, (_, i) => ({ metric: "availability", environment: "green" as const, at: new Date(now.getTime() - i * minute), value: 99.99 })),
      ...Array.from({ length: 144 }, (_, i) => ({ metric: "error_rate", environment: "green" as const, at: new Date(now.getTime() - i * 10 * minute), value: 0.05 })),
    ]);
    const base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    for (const check of [
      { key: "home", name: "Home", url: `${base}/` },
      { key: "login", name: "Login", url: `${base}/login`, expectBody: "Welcome" },
    ]) {
      expect((await call(createCheckRoute, { method: "POST", params: { releaseId }, as: manager, body: check })).status).toBe(201);
    }
    const before = await call<{ scorecard: ScorecardDto }>(scorecardRoute, { params: { releaseId }, as: viewer });
    expect(before.body.scorecard.criteria.find((c) => c.key === "success.key-features")).toMatchObject({ outcome: "inconclusive", windowCoverage: 0 });

    await runDueSyntheticChecks();
    const scorecard = (await call<{ scorecard: ScorecardDto }>(scorecardRoute, { params: { releaseId }, as: viewer })).body.scorecard;
    const entry = (key: string) => scorecard.criteria.find((c) => c.key === key)!;
    expect(entry("success.availability")).toMatchObject({ outcome: "inconclusive", reasonCode: "LOW_COVERAGE", value: 99.99 });
    expect(entry("success.availability").windowCoverage).toBeCloseTo(0.25, 2);
    expect(entry("success.error-rate")).toMatchObject({ outcome: "pass", value: 0.05 });
    expect(entry("success.error-rate").windowCoverage).toBeGreaterThan(0.99);
    expect(entry("success.bounce-rate")).toMatchObject({ outcome: "inconclusive", reasonCode: "NO_DATA", windowCoverage: 0, value: null });
    expect(entry("success.key-features")).toMatchObject({ outcome: "pass", value: 100, windowCoverage: 1 });
    expect(scorecard.outcome).toBe("inconclusive");

    await call(createCheckRoute, { method: "POST", params: { releaseId }, as: manager, body: { key: "broken", name: "Checkout", url: `${base}/broken` } });
    await runDueSyntheticChecks();
    const failing = (await call<{ scorecard: ScorecardDto }>(scorecardRoute, { params: { releaseId }, as: viewer })).body.scorecard;
    const features = failing.criteria.find((c) => c.key === "success.key-features")!;
    expect(features).toMatchObject({ outcome: "fail", reasonCode: "TARGET_MISSED" });
    expect(features.reason).toContain("Checkout (HTTP 500, expected 200");
    // A failing key criterion fails the scorecard whatever else is unknown.
    expect(failing.outcome).toBe("fail");
    expect(await prisma.criterionEvaluation.count({ where: { releaseId } })).toBe(0);
  });
});

