import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getReportMarkdown } from "@/app/api/v1/releases/[releaseId]/report.md/route";
import { GET as getReport } from "@/app/api/v1/releases/[releaseId]/report/route";
import { POST as createRelease } from "@/app/api/v1/releases/route";
import { prisma } from "@/lib/db/client";
import type { ReleaseReport } from "@/lib/report/report.validation";
import type { ReleaseDetail } from "@/lib/releases/releases.validation";
import { call, createTestRelease, createTestUser, type ErrorBody, type TestUser } from "@/test/api-fixtures";

let manager: TestUser;
let engineer: TestUser;
let viewer: TestUser;
const day = 86_400_000;
const version = () => `v-new-${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  manager = await createTestUser("RELEASE_MANAGER");
  engineer = await createTestUser("ENGINEER");
  viewer = await createTestUser("VIEWER");
});

describe("POST /releases", () => {
  it("creates a release from the template, audited as release.created in its own trail", async () => {
    const launchAt = new Date(Date.now() + 60 * day).toISOString();
    const response = await call<{ release: ReleaseDetail }>(createRelease, { method: "POST", body: { from: "template", version: "v9.0.0-tpl", launchAt, timezone: "Asia/Seoul" }, as: manager });
    expect(response.status).toBe(201);
    expect(response.body.release).toMatchObject({ version: "v9.0.0-tpl", windowStart: launchAt, timezone: "Asia/Seoul", status: "planned" });
    expect(response.body.release.phases).toHaveLength(9);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { releaseId: response.body.release.id, action: "release.created" } });
    expect(event).toMatchObject({ seq: 1, actorId: manager.id });
    expect(event.after).toMatchObject({ from: "template", version: "v9.0.0-tpl" });
  });

  it("clones a release with every planned time shifted to the new launch and all progress reset", async () => {
    const { releaseId: sourceId, itemIds } = await createTestRelease();
    const source = await prisma.release.findUniqueOrThrow({ where: { id: sourceId }, include: { phases: { orderBy: { position: "asc" } }, gates: true } });
    await prisma.checklistItem.update({ where: { id: itemIds[0]! }, data: { status: "done", note: "checked", completedAt: new Date() } });
    await prisma.gate.updateMany({ where: { releaseId: sourceId }, data: { status: "approved", decidedAt: new Date() } });
    await prisma.risk.updateMany({ where: { releaseId: sourceId }, data: { status: "mitigated", linkedItemKeys: ["issues.all-resolved"] } });
    const devops = await prisma.team.findFirstOrThrow({ where: { releaseId: sourceId, key: "devops" } });
    await prisma.teamMember.create({ data: { teamId: devops.id, userId: engineer.id, roleInTeam: "Lead" } });

    const shift = 14 * day + 2 * 3_600_000;
    const launchAt = new Date(source.windowStart.getTime() + shift).toISOString();
    const response = await call<{ release: ReleaseDetail }>(createRelease, {
      method: "POST",
      body: { from: "clone", sourceReleaseId: sourceId, version: version(), launchAt, timezone: "Asia/Seoul" },
      as: manager,
    });
    expect(response.status).toBe(201);
    const clone = response.body.release;
    expect(clone.windowStart).toBe(launchAt);
    expect(new Date(clone.windowEnd).getTime()).toBe(source.windowEnd.getTime() + shift);
    for (const phase of source.phases) {
      const copied = clone.phases.find((candidate) => candidate.key === phase.key)!;
      expect(new Date(copied.startsAt).getTime()).toBe(phase.startsAt.getTime() + shift);
      expect(copied.endsAt && new Date(copied.endsAt).getTime()).toBe(phase.endsAt && phase.endsAt.getTime() + shift);
      expect(copied.status).toBe("pending");
    }
    const items = await prisma.checklistItem.findMany({ where: { releaseId: clone.id } });
    expect(items).toHaveLength(15);
    expect(items.every((item) => item.status === "todo" && item.note === null && item.completedAt === null)).toBe(true);
    const sourceDue = await prisma.checklistItem.findFirstOrThrow({ where: { releaseId: sourceId, dueAt: { not: null } } });
    const cloneDue = items.find((item) => item.key === sourceDue.key)!;
    expect(cloneDue.dueAt!.getTime()).toBe(sourceDue.dueAt!.getTime() + shift);
    const gates = await prisma.gate.findMany({ where: { releaseId: clone.id } });
    expect(gates.map((gate) => gate.key).sort()).toEqual(source.gates.map((gate) => gate.key).sort());
    expect(gates.every((gate) => gate.status === "pending" && gate.decidedAt === null && gate.round === 1)).toBe(true);
    const risks = await prisma.risk.findMany({ where: { releaseId: clone.id } });
    expect(risks.every((risk) => risk.status === "open" && risk.linkedItemKeys.includes("issues.all-resolved"))).toBe(true);
    expect(await prisma.criterion.count({ where: { releaseId: clone.id } })).toBe(await prisma.criterion.count({ where: { releaseId: sourceId } }));
    const clonedDevops = await prisma.team.findFirstOrThrow({ where: { releaseId: clone.id, key: "devops" }, include: { members: true } });
    expect(clonedDevops.members).toMatchObject([{ userId: engineer.id, roleInTeam: "Lead" }]);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { releaseId: clone.id, action: "release.created" } });
    expect(event.after).toMatchObject({ from: "clone", sourceReleaseId: sourceId });
  });

  it("refuses bad input with 400, a taken version with 409 and non-managers with 403", async () => {
    const launchAt = new Date(Date.now() + 60 * day).toISOString();
    const bad = [
      { from: "clone", version: version(), launchAt, timezone: "Asia/Seoul" },
      { from: "clone", sourceReleaseId: "00000000-0000-4000-8000-000000000000", version: version(), launchAt, timezone: "Asia/Seoul" },
      { from: "template", version: version(), launchAt, timezone: "Mars/Olympus" },
      { from: "template", version: "has spaces", launchAt, timezone: "UTC" },
      { from: "template", version: version(), launchAt: "next week", timezone: "UTC" },
      { from: "copy", version: version(), launchAt, timezone: "UTC" },
    ];
    for (const body of bad) {
      const response = await call<ErrorBody>(createRelease, { method: "POST", body, as: manager });
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
    const taken = await call<ErrorBody>(createRelease, { method: "POST", body: { from: "template", version: "v9.0.0-tpl", launchAt, timezone: "UTC" }, as: manager });
    expect(taken.status).toBe(409);
    expect((await call(createRelease, { method: "POST", body: { from: "template", version: version(), launchAt, timezone: "UTC" }, as: engineer })).status).toBe(403);
  });
});

describe("release report", () => {
  let releaseId: string;

  beforeAll(async () => {
    ({ releaseId } = await createTestRelease());
    const items = await prisma.checklistItem.findMany({ where: { releaseId }, orderBy: { key: "asc" }, take: 3 });
    await prisma.checklistItem.updateMany({ where: { id: { in: items.map((item) => item.id) } }, data: { status: "done" } });
    const gate = await prisma.gate.findFirstOrThrow({ where: { releaseId, key: "go_no_go" } });
    await prisma.gate.update({ where: { id: gate.id }, data: { status: "approved", decidedAt: new Date() } });
    await prisma.gateDecision.create({ data: { gateId: gate.id, userId: manager.id, round: 1, kind: "approve", comment: "ship it" } });
    const started = new Date(Date.now() - 3_600_000);
    await prisma.operation.create({
      data: {
        releaseId,
        kind: "cutover",
        status: "succeeded",
        idempotencyKey: randomUUID(),
        params: {},
        requestedById: engineer.id,
        startedAt: started,
        finishedAt: new Date(started.getTime() + 1_800_000),
        steps: { create: [{ position: 0, kind: "shift", params: {}, status: "succeeded", startedAt: started, finishedAt: new Date(started.getTime() + 60_000) }] },
      },
    });
    await prisma.operation.create({ data: { releaseId, kind: "rollback", status: "succeeded", idempotencyKey: randomUUID(), params: {}, startedAt: new Date(), finishedAt: new Date() } });
    await prisma.rollbackReport.create({ data: { releaseId, cause: "Error rate at 7 %", fixPlan: "Patch the cache layer", authorId: manager.id } });
    await prisma.feedback.create({ data: { releaseId, kind: "enquiry", category: "bug", severity: 2, title: "Login loop" } });
  });

  it("reports checklist completion, approvals, operations with times, rollbacks, feedback and criteria", async () => {
    const response = await call<{ report: ReleaseReport }>(getReport, { params: { releaseId }, as: viewer });
    expect(response.status).toBe(200);
    const { report } = response.body;
    expect(report.checklist).toMatchObject({ done: 3, applicable: 15, total: 15 });
    expect(report.approvals.find((gate) => gate.key === "go_no_go")).toMatchObject({ status: "approved", decisions: [{ kind: "approve", comment: "ship it" }] });
    const cutover = report.operations.find((op) => op.kind === "cutover")!;
    expect(cutover).toMatchObject({ status: "succeeded", durationSec: 1800, steps: [{ kind: "shift", status: "succeeded" }] });
    expect(cutover.requestedBy).toContain("ENGINEER");
    expect(report.phases.find((phase) => phase.key === "blue-green")).toMatchObject({ status: "done", actualStart: cutover.startedAt, actualEnd: cutover.finishedAt });
    expect(report.incidents).toMatchObject({ rollbacks: 1, failedOperations: 0, rollbackReports: [{ cause: "Error rate at 7 %" }] });
    expect(report.feedback).toEqual({ open: 1, triaged: 0, resolved: 0 });
    expect(report.criteria.filter((criterion) => criterion.kind === "success").length).toBeGreaterThan(0);
    expect(report.announcements.sent).toEqual([]);
    // Not launched yet: the success criteria are judged as of now, with no data to go on.
    expect(new Date(report.scorecard.at).getTime()).toBeLessThanOrEqual(Date.now());
    expect(report.scorecard.outcome).not.toBe("pass");
    expect(report.criteria.find((criterion) => criterion.key === "success.error-rate")).toHaveProperty("outcome");
  });

  it("downloads the same report as a markdown attachment, in Korean when asked", async () => {
    const response = await fetchMarkdown("/x?lang=ko");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/markdown");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="release-report-v-test-[\w-]+\.md"$/);
    const markdown = await response.text();
    expect(markdown).toContain("# 릴리스 보고서");
    expect(markdown).toContain("Error rate at 7 %");
    expect((await fetchMarkdown("/x?lang=fr")).status).toBe(400);
  });

  async function fetchMarkdown(path: string): Promise<Response> {
    const req = new Request(`http://lc.test${path}`, { headers: { host: "lc.test", authorization: `Bearer ${viewer.bearer}` } });
    return getReportMarkdown(req, { params: Promise.resolve({ releaseId }) });
  }
});
