import { beforeAll, describe, expect, it } from "vitest";
import { PATCH as patchItem } from "@/app/api/v1/releases/[releaseId]/checklist/items/[itemId]/route";
import { POST as postDecision } from "@/app/api/v1/releases/[releaseId]/gates/[gateId]/decisions/route";
import { POST as postRequest } from "@/app/api/v1/releases/[releaseId]/gates/[gateId]/request/route";
import { GET as getGates } from "@/app/api/v1/releases/[releaseId]/gates/route";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { onReleaseEvent, type ReleaseEvent } from "@/lib/events/bus";
import { gaReleaseTemplate } from "@/lib/template/load-template";
import { call, createTestRelease, createTestUser, flushLiveEvents, itemVersion, type ErrorBody, type TestUser } from "@/test/api-fixtures";
import { assertGateOpen, gateBlockers } from "./assert-gate-open";
import type { GateDto } from "./gates.validation";

type GateBody = { gate: GateDto };

let manager: TestUser;
let approver: TestUser;
let secondApprover: TestUser;
let admin: TestUser;
let engineer: TestUser;
let marketing: TestUser;

const requiredForGoLive = gaReleaseTemplate.checklist.flatMap((s) => s.items).filter((i) => i.requiredForGoLive).map((i) => i.key);

beforeAll(async () => {
  [manager, approver, secondApprover, admin, engineer, marketing] = await Promise.all([
    createTestUser("RELEASE_MANAGER"),
    createTestUser("APPROVER"),
    createTestUser("APPROVER"),
    createTestUser("ADMIN"),
    createTestUser("ENGINEER"),
    createTestUser("MARKETING"),
  ]);
});

async function newRelease(opts: { itemsDone?: boolean } = {}): Promise<string> {
  const { releaseId } = await createTestRelease();
  if (opts.itemsDone) await prisma.checklistItem.updateMany({ where: { releaseId, key: { in: requiredForGoLive } }, data: { status: "done" } });
  return releaseId;
}

async function gates(releaseId: string, as: TestUser = engineer): Promise<GateDto[]> {
  const response = await call<{ gates: GateDto[] }>(getGates, { params: { releaseId }, as });
  expect(response.status).toBe(200);
  return response.body.gates;
}

async function gate(releaseId: string, key: string): Promise<GateDto> {
  const found = (await gates(releaseId)).find((g) => g.key === key);
  if (!found) throw new Error(`no gate ${key}`);
  return found;
}

function request(releaseId: string, gateId: string, as: TestUser) {
  return call<GateBody>(postRequest, { method: "POST", params: { releaseId, gateId }, as });
}

async function decide(releaseId: string, key: string, as: TestUser, body: { kind: string; comment?: string; version?: number }) {
  const current = await gate(releaseId, key);
  return call<GateBody & ErrorBody>(postDecision, {
    method: "POST",
    params: { releaseId, gateId: current.id },
    body: { version: current.version, ...body },
    as,
  });
}

async function requested(releaseId: string, key: string, by: TestUser = manager): Promise<GateDto> {
  const response = await request(releaseId, (await gate(releaseId, key)).id, by);
  expect(response.status).toBe(200);
  return response.body.gate;
}

async function actions(releaseId: string): Promise<string[]> {
  const events = await prisma.auditEvent.findMany({ where: { releaseId }, orderBy: { seq: "asc" }, select: { action: true } });
  return events.map((e) => e.action);
}

describe("listing gates", () => {
  it("gives a new release the template's three gates with what blocks each", async () => {
    const releaseId = await newRelease();
    const list = await gates(releaseId);
    expect(list.map((g) => [g.key, g.status, g.state.needed])).toEqual([
      ["go_no_go", "pending", 2],
      ["migration", "pending", 1],
      ["rollback", "pending", 1],
    ]);
    const goNoGo = list[0]!;
    expect(goNoGo).toMatchObject({ requiredRoles: ["RELEASE_MANAGER", "APPROVER", "ADMIN"], allowSelfApproval: false, approvalTtlSec: 86400, round: 1, version: 1 });
    expect(goNoGo.state.blockers.map((b) => b.code)).toEqual(["APPROVALS_MISSING", "ITEMS_NOT_DONE"]);
    expect(goNoGo.state.blockers[1]?.itemKeys).toEqual(requiredForGoLive);
    expect(list[2]?.state.blockers.map((b) => b.code)).toEqual(["APPROVALS_MISSING"]);
  });

  it("adds the gates, audited, to a release created before gates existed", async () => {
    const releaseId = await newRelease();
    await prisma.gate.deleteMany({ where: { releaseId } });
    expect((await gates(releaseId)).map((g) => g.key)).toEqual(["go_no_go", "migration", "rollback"]);
    expect(await gates(releaseId)).toHaveLength(3);
    const created = await prisma.auditEvent.findMany({ where: { releaseId, action: "gate.created" } });
    expect(created).toHaveLength(1);
    expect(created[0]?.after).toEqual({ gates: ["go_no_go", "migration", "rollback"] });
  });

  it("answers 404 for an unknown release", async () => {
    const response = await call(getGates, { params: { releaseId: "00000000-0000-4000-8000-000000000000" }, as: engineer });
    expect(response.status).toBe(404);
  });
});

describe("requesting a gate", () => {
  it("records the requester and audits gate.requested", async () => {
    const releaseId = await newRelease();
    const goNoGo = await requested(releaseId, "go_no_go", engineer);
    expect(goNoGo.requestedBy).toEqual({ id: engineer.id, name: "ENGINEER tester" });
    expect(goNoGo.requestedAt).not.toBeNull();
    expect(goNoGo.version).toBe(2);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { releaseId, action: "gate.requested" } });
    expect(event).toMatchObject({ actorId: engineer.id, subjectType: "Gate", subjectId: goNoGo.id });
  });

  it("is refused to roles without gate.decide", async () => {
    const releaseId = await newRelease();
    const response = await request(releaseId, (await gate(releaseId, "go_no_go")).id, marketing);
    expect(response.status).toBe(403);
  });
});

describe("deciding a gate", () => {
  it("needs N approvals from distinct people: the same approver twice counts once", async () => {
    const releaseId = await newRelease({ itemsDone: true });
    await requested(releaseId, "go_no_go");
    const published: ReleaseEvent[] = [];
    await flushLiveEvents();
    const stop = onReleaseEvent((event) => published.push(event));

    const first = await decide(releaseId, "go_no_go", approver, { kind: "approve" });
    expect(first.status).toBe(200);
    expect(first.body.gate.state).toMatchObject({ approved: false, approvals: 1, needed: 2 });

    const again = await decide(releaseId, "go_no_go", approver, { kind: "approve" });
    expect(again.status).toBe(200);
    expect(again.body.gate.state).toMatchObject({ approved: false, approvals: 1 });
    expect(again.body.gate.state.blockers).toEqual([{ code: "APPROVALS_MISSING", message: "1 of 2 approvals" }]);

    const second = await decide(releaseId, "go_no_go", admin, { kind: "approve", comment: "go" });
    await flushLiveEvents();
    stop();
    expect(second.body.gate).toMatchObject({ status: "approved", state: { approved: true, approvals: 2, blockers: [] } });
    expect(second.body.gate.decidedAt).not.toBeNull();
    expect(second.body.gate.decisions.map((d) => [d.user.id, d.kind])).toEqual([
      [approver.id, "approve"],
      [approver.id, "approve"],
      [admin.id, "approve"],
    ]);
    expect(await prisma.gate.findUniqueOrThrow({ where: { id: second.body.gate.id }, select: { status: true } })).toEqual({ status: "approved" });

    // Live: each decision reaches the release room with the gate as it now is.
    expect(published.map((e) => e.type)).toEqual(["gate.decided", "gate.decided", "gate.decided"]);
    expect((published[2]?.data as { gate: GateDto }).gate.status).toBe("approved");
    await expect(prisma.$transaction((tx) => assertGateOpen(tx, releaseId, "go_no_go"))).resolves.toBeUndefined();
  });

  it("refuses self-approval with SELF_APPROVAL unless the gate allows it", async () => {
    const releaseId = await newRelease({ itemsDone: true });
    await requested(releaseId, "go_no_go", manager);
    const self = await decide(releaseId, "go_no_go", manager, { kind: "approve" });
    expect(self.status).toBe(403);
    expect(self.body.error.code).toBe("SELF_APPROVAL");

    await prisma.gate.updateMany({ where: { releaseId, key: "go_no_go" }, data: { allowSelfApproval: true } });
    const allowed = await decide(releaseId, "go_no_go", manager, { kind: "approve" });
    expect(allowed.status).toBe(200);
    expect(allowed.body.gate.state.approvals).toBe(1);
  });

  it("refuses a role the gate does not name (403), and roles without gate.decide", async () => {
    const releaseId = await newRelease();
    await requested(releaseId, "go_no_go");
    await requested(releaseId, "rollback", engineer);

    const engineerVote = await decide(releaseId, "go_no_go", engineer, { kind: "approve" });
    expect(engineerVote.status).toBe(403);
    expect(engineerVote.body.error).toMatchObject({ code: "FORBIDDEN", details: { requiredRoles: ["RELEASE_MANAGER", "APPROVER", "ADMIN"] } });

    const approverOnRollback = await decide(releaseId, "rollback", approver, { kind: "reject", comment: "not mine to judge" });
    expect(approverOnRollback.status).toBe(403);

    const marketingVote = await decide(releaseId, "go_no_go", marketing, { kind: "approve" });
    expect(marketingVote.status).toBe(403);
    expect(marketingVote.body.error.details).toEqual({ permission: "gate.decide" });
  });

  it("needs a request before an approval", async () => {
    const releaseId = await newRelease();
    const response = await decide(releaseId, "migration", approver, { kind: "approve" });
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({ code: "CONFLICT", details: { reason: "NOT_REQUESTED" } });
  });

  it("needs a comment to reject; a rejection blocks until a new request starts a new round", async () => {
    const releaseId = await newRelease({ itemsDone: true });
    await requested(releaseId, "migration");
    const bare = await decide(releaseId, "migration", approver, { kind: "reject" });
    expect(bare.status).toBe(400);
    expect(bare.body.error).toMatchObject({ code: "VALIDATION_FAILED", details: [{ path: ["comment"] }] });
    const blank = await decide(releaseId, "migration", approver, { kind: "reject", comment: "   " });
    expect(blank.status).toBe(400);

    const rejected = await decide(releaseId, "migration", approver, { kind: "reject", comment: "backup untested" });
    expect(rejected.body.gate.status).toBe("rejected");
    expect(rejected.body.gate.state.blockers).toEqual([
      { code: "REJECTED", message: "Rejected by APPROVER tester: backup untested" },
      { code: "APPROVALS_MISSING", message: "0 of 1 approvals" },
    ]);

    const again = await requested(releaseId, "migration", engineer);
    expect(again).toMatchObject({ status: "pending", round: 2, decisions: [], requestedBy: { id: engineer.id } });
    const approved = await decide(releaseId, "migration", approver, { kind: "approve" });
    expect(approved.body.gate.status).toBe("approved");
  });

  it("lets people revoke only their own approval", async () => {
    const releaseId = await newRelease({ itemsDone: true });
    await requested(releaseId, "migration");
    await decide(releaseId, "migration", approver, { kind: "approve" });

    const notMine = await decide(releaseId, "migration", secondApprover, { kind: "revoke" });
    expect(notMine.status).toBe(409);
    expect(notMine.body.error.details).toEqual({ reason: "NOTHING_TO_REVOKE" });

    const revoked = await decide(releaseId, "migration", approver, { kind: "revoke", comment: "new findings" });
    expect(revoked.status).toBe(200);
    expect(revoked.body.gate).toMatchObject({ status: "pending", state: { approved: false, approvals: 0 } });
    expect(revoked.body.gate.decisions[0]?.revokedAt).not.toBeNull();
    expect((await decide(releaseId, "migration", approver, { kind: "revoke" })).status).toBe(409);
  });

  it("answers 409 VERSION_CONFLICT with the current gate for a stale version", async () => {
    const releaseId = await newRelease();
    const migration = await requested(releaseId, "migration");
    const stale = await decide(releaseId, "migration", approver, { kind: "approve", version: migration.version - 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: "VERSION_CONFLICT", details: { current: { id: migration.id, version: migration.version } } });
  });

  it("counts one of two concurrent decisions on the same version", async () => {
    const releaseId = await newRelease({ itemsDone: true });
    await requested(releaseId, "go_no_go");
    const current = await gate(releaseId, "go_no_go");
    const send = (as: TestUser) =>
      call<GateBody & ErrorBody>(postDecision, { method: "POST", params: { releaseId, gateId: current.id }, body: { kind: "approve", version: current.version }, as });
    const statuses = (await Promise.all([send(approver), send(admin)])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
    expect((await gate(releaseId, "go_no_go")).state.approvals).toBe(1);
  });
});

describe("approval expiry", () => {
  it("stamps expiresAt = createdAt + approvalTtlSec and stops counting the approval once it passes", async () => {
    const releaseId = await newRelease({ itemsDone: true });
    await requested(releaseId, "migration");
    await prisma.gate.updateMany({ where: { releaseId, key: "migration" }, data: { approvalTtlSec: 60 } });
    const approved = await decide(releaseId, "migration", approver, { kind: "approve" });
    const decision = approved.body.gate.decisions[0]!;
    expect(Date.parse(decision.expiresAt!) - Date.parse(decision.at)).toBe(60_000);
    expect(approved.body.gate.status).toBe("approved");

    // Two minutes later, as far as the approval is concerned.
    await prisma.gateDecision.updateMany({
      where: { id: decision.id },
      data: { createdAt: new Date(Date.now() - 120_000), expiresAt: new Date(Date.now() - 60_000) },
    });
    const later = await gate(releaseId, "migration");
    expect(later).toMatchObject({ status: "pending", state: { approved: false, approvals: 0 } });
    expect(later.state.blockers).toEqual([{ code: "APPROVALS_MISSING", message: "0 of 1 approvals (1 expired)" }]);
    expect(later.decisions[0]?.expired).toBe(true);
    await expect(prisma.$transaction((tx) => assertGateOpen(tx, releaseId, "migration"))).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });
});

describe("re-opening when a required item is un-ticked", () => {
  it("puts an approved gate back to pending in a new round, in the same transaction, audited as gate.reopened", async () => {
    const releaseId = await newRelease({ itemsDone: true });
    await requested(releaseId, "migration");
    await decide(releaseId, "migration", approver, { kind: "approve" });
    await requested(releaseId, "rollback", engineer);
    await decide(releaseId, "rollback", manager, { kind: "approve" });
    const item = await prisma.checklistItem.findFirstOrThrow({ where: { releaseId, key: "environment.migration-scripts" } });

    const published: ReleaseEvent[] = [];
    await flushLiveEvents();
    const stop = onReleaseEvent((event) => published.push(event));
    const response = await call(patchItem, {
      method: "PATCH",
      params: { releaseId, itemId: item.id },
      body: { version: await itemVersion(item.id), status: "in_progress" },
      as: engineer,
    });
    await flushLiveEvents();
    stop();
    expect(response.status).toBe(200);

    const migration = await gate(releaseId, "migration");
    expect(migration).toMatchObject({ status: "pending", round: 2, decisions: [], state: { approved: false, approvals: 0 } });
    expect(migration.state.blockers.find((b) => b.code === "ITEMS_NOT_DONE")?.itemKeys).toEqual(["environment.migration-scripts"]);
    // The rollback gate does not depend on the item and stays approved.
    expect((await gate(releaseId, "rollback")).status).toBe("approved");

    expect(published.map((e) => e.type)).toEqual(["checklist.item.updated", "gate.reopened"]);
    expect(published[1]!.seq).toBe(published[0]!.seq + 1);
    const reopened = await prisma.auditEvent.findFirstOrThrow({ where: { releaseId, action: "gate.reopened" } });
    expect(reopened).toMatchObject({
      actorId: engineer.id,
      subjectId: migration.id,
      before: { status: "approved", round: 1 },
      after: { status: "pending", round: 2, itemKey: "environment.migration-scripts" },
    });
  });

  it("leaves gates alone that were not approved, and re-opens nothing when an item goes from done to n/a", async () => {
    const releaseId = await newRelease({ itemsDone: true });
    await requested(releaseId, "go_no_go");
    await decide(releaseId, "go_no_go", approver, { kind: "approve" });
    await requested(releaseId, "migration");
    await decide(releaseId, "migration", approver, { kind: "approve" });
    const scripts = await prisma.checklistItem.findFirstOrThrow({ where: { releaseId, key: "environment.migration-scripts" } });
    const notApplicable = await call(patchItem, { method: "PATCH", params: { releaseId, itemId: scripts.id }, body: { version: scripts.version, status: "n_a" }, as: engineer });
    expect(notApplicable.status).toBe(200);
    expect((await gate(releaseId, "migration")).round).toBe(1);

    const ciItem = await prisma.checklistItem.findFirstOrThrow({ where: { releaseId, key: "automation.ci-cd" } });
    await call(patchItem, { method: "PATCH", params: { releaseId, itemId: ciItem.id }, body: { version: ciItem.version, status: "todo" }, as: engineer });
    const goNoGo = await gate(releaseId, "go_no_go");
    expect(goNoGo).toMatchObject({ round: 1, state: { approvals: 1 } });
    expect(await actions(releaseId)).not.toContain("gate.reopened");
  });

  it("keeps an overridden gate open", async () => {
    const releaseId = await newRelease({ itemsDone: true });
    await decide(releaseId, "migration", manager, { kind: "override", comment: "DBA unreachable, hotfix needed" });
    const item = await prisma.checklistItem.findFirstOrThrow({ where: { releaseId, key: "environment.migration-scripts" } });
    await call(patchItem, { method: "PATCH", params: { releaseId, itemId: item.id }, body: { version: item.version, status: "todo" }, as: engineer });
    expect(await gate(releaseId, "migration")).toMatchObject({ status: "approved", round: 1, state: { overridden: true } });
  });
});

describe("emergency override", () => {
  it("is only for release managers and admins, needs a reason of 10+ characters, and is audited as gate.overridden", async () => {
    const releaseId = await newRelease();
    const byApprover = await decide(releaseId, "rollback", approver, { kind: "override", comment: "production is on fire" });
    expect(byApprover.status).toBe(403);
    expect(byApprover.body.error.details).toEqual({ permission: "gate.override" });
    const byEngineer = await decide(releaseId, "rollback", engineer, { kind: "override", comment: "production is on fire" });
    expect(byEngineer.status).toBe(403);

    const short = await decide(releaseId, "rollback", manager, { kind: "override", comment: "now!" });
    expect(short.status).toBe(400);
    expect(short.body.error.message).toMatch(/at least 10 characters/);

    const overridden = await decide(releaseId, "rollback", manager, { kind: "override", comment: "error rate at 30 %, roll back now" });
    expect(overridden.status).toBe(200);
    expect(overridden.body.gate).toMatchObject({ status: "approved", state: { approved: true, overridden: true, blockers: [] } });

    const event = await prisma.auditEvent.findFirstOrThrow({ where: { releaseId, action: "gate.overridden" } });
    expect(event).toMatchObject({
      actorId: manager.id,
      subjectType: "Gate",
      after: { kind: "override", comment: "error rate at 30 %, roll back now", bypassed: [{ code: "APPROVALS_MISSING", message: "0 of 1 approvals" }] },
    });
    expect(await actions(releaseId)).not.toContain("gate.decided");
    await expect(prisma.$transaction((tx) => assertGateOpen(tx, releaseId, "rollback"))).resolves.toBeUndefined();

    const byAdmin = await decide(releaseId, "go_no_go", admin, { kind: "override", comment: "board approved in person" });
    expect(byAdmin.body.gate.state.overridden).toBe(true);
  });
});

describe("assertGateOpen", () => {
  it("throws PRECONDITION_FAILED listing the missing approvals and the open items by key", async () => {
    const releaseId = await newRelease();
    await prisma.checklistItem.updateMany({ where: { releaseId, key: { not: "environment.migration-scripts" } }, data: { status: "done" } });
    const error = await prisma.$transaction((tx) => assertGateOpen(tx, releaseId, "go_no_go")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: "PRECONDITION_FAILED",
      status: 409,
      details: {
        missing: [
          { gate: "go_no_go", code: "APPROVALS_MISSING", message: "0 of 2 approvals" },
          { gate: "go_no_go", code: "ITEMS_NOT_DONE", message: "1 required checklist item is not done", itemKeys: ["environment.migration-scripts"] },
        ],
      },
    });
  });

  it("names a gate the release does not have", async () => {
    const releaseId = await newRelease();
    const missing = await prisma.$transaction((tx) => gateBlockers(tx, releaseId, "launch_party"));
    expect(missing).toEqual([{ gate: "launch_party", code: "GATE_MISSING", message: 'The release has no "launch_party" gate' }]);
  });
});
