import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as cancelAnnouncement } from "@/app/api/v1/releases/[releaseId]/announcements/[announcementId]/cancel/route";
import { POST as holdAnnouncement } from "@/app/api/v1/releases/[releaseId]/announcements/[announcementId]/hold/route";
import { POST as rescheduleAnnouncement } from "@/app/api/v1/releases/[releaseId]/announcements/[announcementId]/reschedule/route";
import { PATCH as patchAnnouncement } from "@/app/api/v1/releases/[releaseId]/announcements/[announcementId]/route";
import { POST as sendAnnouncementNow } from "@/app/api/v1/releases/[releaseId]/announcements/[announcementId]/send-now/route";
import { POST as postAnnouncement } from "@/app/api/v1/releases/[releaseId]/announcements/route";
import { DELETE as revokeCalendarFeed } from "@/app/api/v1/me/calendar-feeds/[feedId]/route";
import { POST as createCalendarFeed } from "@/app/api/v1/me/calendar-feeds/route";
import { DELETE as revokeToken } from "@/app/api/v1/me/tokens/[tokenId]/route";
import { POST as createToken } from "@/app/api/v1/me/tokens/route";
import { PATCH as patchItem } from "@/app/api/v1/releases/[releaseId]/checklist/items/[itemId]/route";
import { POST as postGateDecision } from "@/app/api/v1/releases/[releaseId]/gates/[gateId]/decisions/route";
import { POST as postGateRequest } from "@/app/api/v1/releases/[releaseId]/gates/[gateId]/request/route";
import { POST as flagCriterion } from "@/app/api/v1/releases/[releaseId]/criteria/[criterionId]/flag/route";
import { DELETE as deleteCriterion, PATCH as patchCriterion } from "@/app/api/v1/releases/[releaseId]/criteria/[criterionId]/route";
import { POST as postCriterion } from "@/app/api/v1/releases/[releaseId]/criteria/route";
import { POST as pushMetrics } from "@/app/api/v1/releases/[releaseId]/metrics/route";
import { DELETE as deleteSyntheticCheck, PATCH as patchSyntheticCheck } from "@/app/api/v1/releases/[releaseId]/synthetic-checks/[checkId]/route";
import { POST as postSyntheticCheck } from "@/app/api/v1/releases/[releaseId]/synthetic-checks/route";
import { POST as abortOperation } from "@/app/api/v1/releases/[releaseId]/operations/[operationId]/abort/route";
import { POST as attachEvidence } from "@/app/api/v1/releases/[releaseId]/operations/[operationId]/evidence/route";
import { POST as pauseOperation } from "@/app/api/v1/releases/[releaseId]/operations/[operationId]/pause/route";
import { POST as resumeOperation } from "@/app/api/v1/releases/[releaseId]/operations/[operationId]/resume/route";
import { POST as startOperation } from "@/app/api/v1/releases/[releaseId]/operations/route";
import { POST as postRollbackReport } from "@/app/api/v1/releases/[releaseId]/rollback-reports/route";
import { PUT as putSetting } from "@/app/api/v1/releases/[releaseId]/settings/[key]/route";
import { PUT as putSimulationFaults } from "@/app/api/v1/releases/[releaseId]/simulation/faults/route";
import { PATCH as patchFeedback } from "@/app/api/v1/releases/[releaseId]/feedback/[feedbackId]/route";
import { POST as postFeedback } from "@/app/api/v1/releases/[releaseId]/feedback/route";
import { DELETE as deleteShift, PATCH as patchShift } from "@/app/api/v1/releases/[releaseId]/oncall/[shiftId]/route";
import { POST as postShift } from "@/app/api/v1/releases/[releaseId]/oncall/route";
import { PATCH as patchPhase } from "@/app/api/v1/releases/[releaseId]/phases/[phaseId]/route";
import { PATCH as patchRisk } from "@/app/api/v1/releases/[releaseId]/risks/[riskId]/route";
import { POST as postRisk } from "@/app/api/v1/releases/[releaseId]/risks/route";
import { PUT as putTeamMembers } from "@/app/api/v1/releases/[releaseId]/teams/[teamId]/members/route";
import { POST as createRelease } from "@/app/api/v1/releases/route";
import { PATCH as patchUser } from "@/app/api/v1/users/[userId]/route";
import { POST as createUser } from "@/app/api/v1/users/route";
import { can, roles, type Permission, type Role } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { membersVersion } from "@/lib/teams/team-dto";
import type { OperationStatus } from "@/lib/db/generated/enums";
import { stopQueue } from "@/lib/operations/queue";
import type { RouteHandler } from "@/lib/http/handler";
import { call, createTestRelease, createTestUser, itemVersion, type TestUser } from "@/test/api-fixtures";

// Every mutating route, called by every role: the answer must be what the
// permissions table in lib/auth/permissions.ts says.
interface MutatingRoute {
  name: string;
  permission: Permission;
  handler: RouteHandler;
  method: string;
  okStatus: number;
  // `path` carries a query string where the route reads one.
  request(actor: TestUser): Promise<{ params: Record<string, string>; body?: unknown; path?: string }>;
}

const users: Partial<Record<Role, TestUser>> = {};
let releaseId: string;
let itemIds: string[];
let itemCursor = 0;
// Gates every gate.decide role may vote on, requested by someone else and
// needing more approvals than there are callers, so each call succeeds on its
// own merits and only the permission table decides the answer.
let voteGateId: string;
let overrideGateId: string;

let evidenceOperationId: string;

// An operation in `status` on the matrix release, for the control routes. A
// rehearsal without steps, so a worker that later picks it up only finishes it.
async function operationIn(status: OperationStatus): Promise<string> {
  const op = await prisma.operation.create({ data: { releaseId, kind: "cutover", rehearsal: true, status, idempotencyKey: randomUUID(), params: {} } });
  return op.id;
}

async function gateVersion(gateId: string): Promise<number> {
  return (await prisma.gate.findUniqueOrThrow({ where: { id: gateId }, select: { version: true } })).version;
}

async function shiftRow(actor: TestUser) {
  const team = await prisma.team.findFirstOrThrow({ where: { releaseId, key: "devops" }, select: { id: true } });
  const { windowStart } = await prisma.release.findUniqueOrThrow({ where: { id: releaseId }, select: { windowStart: true } });
  return { teamId: team.id, userId: actor.id, startsAt: windowStart, endsAt: new Date(windowStart.getTime() + 8 * 3_600_000) };
}

async function shiftBody(actor: TestUser) {
  const row = await shiftRow(actor);
  return { ...row, startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString() };
}

// A fresh announcement on the matrix release for each call: cancelling or
// holding one changes what the next call may do with it.
async function announcementOn(audience: "internal" | "external"): Promise<{ announcementId: string; version: number }> {
  const { windowStart } = await prisma.release.findUniqueOrThrow({ where: { id: releaseId }, select: { windowStart: true } });
  const row = await prisma.announcement.create({
    data: { releaseId, channel: audience === "external" ? "website" : "slack", audience, locale: "en", title: `matrix ${audience}`, scheduledAt: windowStart, status: "scheduled" },
  });
  return { announcementId: row.id, version: row.version };
}

function announcementRoute(name: string, permission: Permission, handler: RouteHandler, method: string, audience: "internal" | "external", body: (when: string) => Record<string, unknown>): MutatingRoute {
  return {
    name,
    permission,
    handler,
    method,
    okStatus: 200,
    async request() {
      const { announcementId, version } = await announcementOn(audience);
      const { windowStart } = await prisma.release.findUniqueOrThrow({ where: { id: releaseId }, select: { windowStart: true } });
      return { params: { releaseId, announcementId }, body: { version, ...body(new Date(windowStart.getTime() + 3_600_000).toISOString()) } };
    },
  };
}

const mutatingRoutes: MutatingRoute[] = [
  {
    name: "PATCH checklist item",
    permission: "checklist.update",
    handler: patchItem,
    method: "PATCH",
    okStatus: 200,
    async request() {
      const itemId = itemIds[0]!;
      return { params: { releaseId, itemId }, body: { version: await itemVersion(itemId), note: `note ${Math.random()}` } };
    },
  },
  {
    name: "PATCH checklist item requiredForGoLive",
    permission: "checklist.configure",
    handler: patchItem,
    method: "PATCH",
    okStatus: 200,
    async request() {
      const itemId = itemIds[++itemCursor]!;
      return { params: { releaseId, itemId }, body: { version: await itemVersion(itemId), requiredForGoLive: true } };
    },
  },
  {
    name: "POST gate request",
    permission: "gate.decide",
    handler: postGateRequest,
    method: "POST",
    okStatus: 200,
    async request() {
      return { params: { releaseId, gateId: voteGateId } };
    },
  },
  {
    name: "POST gate decision (approve)",
    permission: "gate.decide",
    handler: postGateDecision,
    method: "POST",
    okStatus: 200,
    async request() {
      return { params: { releaseId, gateId: voteGateId }, body: { kind: "approve", version: await gateVersion(voteGateId) } };
    },
  },
  {
    name: "POST gate decision (override)",
    permission: "gate.override",
    handler: postGateDecision,
    method: "POST",
    okStatus: 200,
    async request() {
      return {
        params: { releaseId, gateId: overrideGateId },
        body: { kind: "override", comment: "customers are down, go now", version: await gateVersion(overrideGateId) },
      };
    },
  },
  {
    name: "PUT release setting",
    permission: "settings.update",
    handler: putSetting,
    method: "PUT",
    okStatus: 200,
    async request() {
      const current = await prisma.releaseSetting.findUnique({ where: { releaseId_key: { releaseId, key: "driver.rehearsal" } }, select: { version: true } });
      return { params: { releaseId, key: "driver.rehearsal" }, body: { settings: { kind: "simulated" }, version: current?.version ?? 0 } };
    },
  },
  {
    name: "PUT simulation faults",
    permission: "simulation.fault",
    handler: putSimulationFaults,
    method: "PUT",
    okStatus: 200,
    async request() {
      return { params: { releaseId }, body: { environment: "green", errorRate: 1, latencyMs: 0 } };
    },
  },
  {
    name: "POST metric samples",
    permission: "metrics.push",
    handler: pushMetrics,
    method: "POST",
    okStatus: 201,
    async request() {
      return { params: { releaseId }, body: { source: "pipeline", samples: [{ metric: "bounce_rate", environment: "all", value: 12.5 }] } };
    },
  },
  {
    name: "POST operation (scheduled cutover rehearsal)",
    permission: "operation.start",
    handler: startOperation,
    method: "POST",
    okStatus: 201,
    async request() {
      // A release of its own each time: one rehearsal at a time per release.
      const { releaseId: ownRelease } = await createTestRelease();
      const { version } = await prisma.release.findUniqueOrThrow({ where: { id: ownRelease }, select: { version: true } });
      const scheduledAt = new Date(Date.now() + 86_400_000).toISOString();
      return { params: { releaseId: ownRelease }, body: { kind: "cutover", rehearsal: true, idempotencyKey: randomUUID(), confirmVersion: version, scheduledAt } };
    },
  },
  {
    name: "POST operation pause",
    permission: "operation.control",
    handler: pauseOperation,
    method: "POST",
    okStatus: 200,
    async request() {
      return { params: { releaseId, operationId: await operationIn("pending") } };
    },
  },
  {
    name: "POST operation resume",
    permission: "operation.control",
    handler: resumeOperation,
    method: "POST",
    okStatus: 200,
    async request() {
      return { params: { releaseId, operationId: await operationIn("paused") } };
    },
  },
  {
    name: "POST operation abort",
    permission: "operation.control",
    handler: abortOperation,
    method: "POST",
    okStatus: 200,
    async request() {
      return { params: { releaseId, operationId: await operationIn("pending") } };
    },
  },
  {
    name: "POST rollback report",
    permission: "operation.control",
    handler: postRollbackReport,
    method: "POST",
    okStatus: 201,
    async request() {
      return { params: { releaseId }, body: { cause: "Error rate above 5 %", fixPlan: "Fix and redeploy" } };
    },
  },
  {
    name: "POST rehearsal evidence",
    permission: "checklist.update",
    handler: attachEvidence,
    method: "POST",
    okStatus: 200,
    async request() {
      return { params: { releaseId, operationId: evidenceOperationId }, body: {} };
    },
  },
  {
    name: "POST announcement (internal)",
    permission: "announcement.edit_internal",
    handler: postAnnouncement,
    method: "POST",
    okStatus: 201,
    async request() {
      const { windowStart } = await prisma.release.findUniqueOrThrow({ where: { id: releaseId }, select: { windowStart: true } });
      return { params: { releaseId }, body: { channel: "slack", audience: "internal", locale: "ko", title: "배포 시작", scheduledAt: windowStart.toISOString() } };
    },
  },
  {
    name: "POST announcement (external)",
    permission: "announcement.edit",
    handler: postAnnouncement,
    method: "POST",
    okStatus: 201,
    async request() {
      const { windowStart } = await prisma.release.findUniqueOrThrow({ where: { id: releaseId }, select: { windowStart: true } });
      return { params: { releaseId }, body: { channel: "social", audience: "external", locale: "en", title: "Live", body: "We are live", scheduledAt: windowStart.toISOString() } };
    },
  },
  announcementRoute("PATCH announcement (internal)", "announcement.edit_internal", patchAnnouncement, "PATCH", "internal", () => ({ title: "renamed" })),
  announcementRoute("PATCH announcement (external)", "announcement.edit", patchAnnouncement, "PATCH", "external", () => ({ title: "renamed" })),
  announcementRoute("POST announcement reschedule (internal)", "announcement.edit_internal", rescheduleAnnouncement, "POST", "internal", (when) => ({ scheduledAt: when })),
  announcementRoute("POST announcement reschedule (external)", "announcement.edit", rescheduleAnnouncement, "POST", "external", (when) => ({ scheduledAt: when })),
  announcementRoute("POST announcement send-now (internal)", "announcement.edit_internal", sendAnnouncementNow, "POST", "internal", () => ({})),
  announcementRoute("POST announcement send-now (external)", "announcement.send_external", sendAnnouncementNow, "POST", "external", () => ({})),
  announcementRoute("POST announcement cancel (external)", "announcement.edit", cancelAnnouncement, "POST", "external", () => ({})),
  announcementRoute("POST announcement hold (internal)", "announcement.edit_internal", holdAnnouncement, "POST", "internal", () => ({ reason: "matrix" })),
  {
    name: "POST calendar feed",
    permission: "release.read",
    handler: createCalendarFeed,
    method: "POST",
    okStatus: 201,
    async request() {
      return { params: {}, body: { releaseId } };
    },
  },
  {
    name: "DELETE calendar feed",
    permission: "release.read",
    handler: revokeCalendarFeed,
    method: "DELETE",
    okStatus: 200,
    async request(actor) {
      const feed = await prisma.calendarFeedToken.create({ data: { userId: actor.id, releaseId, tokenHash: `feed-${Math.random()}` } });
      return { params: { feedId: feed.id } };
    },
  },
  {
    name: "POST token",
    permission: "token.manage",
    handler: createToken,
    method: "POST",
    okStatus: 201,
    async request() {
      return { params: {}, body: { name: "pipeline" } };
    },
  },
  {
    name: "DELETE token",
    permission: "token.manage",
    handler: revokeToken,
    method: "DELETE",
    okStatus: 200,
    async request(actor) {
      const token = await prisma.apiToken.create({ data: { userId: actor.id, name: "to revoke", tokenHash: `hash-${Math.random()}`, prefix: "lc_x" } });
      return { params: { tokenId: token.id } };
    },
  },
  {
    name: "POST user",
    permission: "user.manage",
    handler: createUser,
    method: "POST",
    okStatus: 201,
    async request() {
      return { params: {}, body: { email: `new-${Math.random().toString(36).slice(2)}@test.local`, name: "New", role: "VIEWER" } };
    },
  },
  {
    name: "PATCH user",
    permission: "user.manage",
    handler: patchUser,
    method: "PATCH",
    okStatus: 200,
    async request() {
      const target = await prisma.user.create({ data: { email: `target-${Math.random().toString(36).slice(2)}@test.local`, name: "T", role: "VIEWER" } });
      return { params: { userId: target.id }, body: { version: target.version, role: "ENGINEER" } };
    },
  },
  {
    name: "POST release (from the template)",
    permission: "release.create",
    handler: createRelease,
    method: "POST",
    okStatus: 201,
    async request() {
      return { params: {}, body: { from: "template", version: `v-matrix-${randomUUID().slice(0, 8)}`, launchAt: new Date(Date.now() + 90 * 86_400_000).toISOString(), timezone: "Asia/Seoul" } };
    },
  },
  {
    name: "PATCH phase",
    permission: "phase.update",
    handler: patchPhase,
    method: "PATCH",
    okStatus: 200,
    async request() {
      const phase = await prisma.phase.findFirstOrThrow({ where: { releaseId, key: "verification" }, select: { id: true, version: true } });
      return { params: { releaseId, phaseId: phase.id }, body: { version: phase.version, status: "pending" } };
    },
  },
  {
    name: "PUT team members",
    permission: "team.update",
    handler: putTeamMembers,
    method: "PUT",
    okStatus: 200,
    async request(actor) {
      const team = await prisma.team.findFirstOrThrow({ where: { releaseId, key: "qa" }, select: { id: true, members: { select: { userId: true, roleInTeam: true } } } });
      return { params: { releaseId, teamId: team.id }, body: { membersVersion: membersVersion(team.members), members: [{ userId: actor.id }] } };
    },
  },
  {
    name: "POST on-call shift",
    permission: "oncall.update",
    handler: postShift,
    method: "POST",
    okStatus: 201,
    async request(actor) {
      return { params: { releaseId }, body: await shiftBody(actor) };
    },
  },
  {
    name: "PATCH on-call shift",
    permission: "oncall.update",
    handler: patchShift,
    method: "PATCH",
    okStatus: 200,
    async request(actor) {
      const shift = await prisma.onCallShift.create({ data: { releaseId, ...(await shiftRow(actor)) } });
      return { params: { releaseId, shiftId: shift.id }, body: { version: shift.version, endsAt: new Date(shift.endsAt.getTime() + 3_600_000).toISOString() } };
    },
  },
  {
    name: "DELETE on-call shift",
    permission: "oncall.update",
    handler: deleteShift,
    method: "DELETE",
    okStatus: 200,
    async request(actor) {
      const shift = await prisma.onCallShift.create({ data: { releaseId, ...(await shiftRow(actor)) } });
      return { params: { releaseId, shiftId: shift.id }, path: `/api/test?version=${shift.version}` };
    },
  },
  {
    name: "POST risk",
    permission: "risk.update",
    handler: postRisk,
    method: "POST",
    okStatus: 201,
    async request() {
      return { params: { releaseId }, body: { title: { en: "Vendor API rate limit" }, severity: 2, likelihood: 3 } };
    },
  },
  {
    name: "PATCH risk",
    permission: "risk.update",
    handler: patchRisk,
    method: "PATCH",
    okStatus: 200,
    async request() {
      const risk = await prisma.risk.findFirstOrThrow({ where: { releaseId, key: "traffic-overload" }, select: { id: true, version: true } });
      return { params: { releaseId, riskId: risk.id }, body: { version: risk.version, likelihood: 1 + Math.floor(Math.random() * 5) } };
    },
  },
  {
    name: "POST feedback",
    permission: "feedback.create",
    handler: postFeedback,
    method: "POST",
    okStatus: 201,
    async request() {
      return { params: { releaseId }, body: { kind: "enquiry", category: "bug", severity: 3, title: "Export button does nothing" } };
    },
  },
  {
    name: "PATCH feedback (triage)",
    permission: "feedback.triage",
    handler: patchFeedback,
    method: "PATCH",
    okStatus: 200,
    async request() {
      const item = await prisma.feedback.create({ data: { releaseId, kind: "survey", category: "usability", severity: 4, title: "Font too small" } });
      return { params: { releaseId, feedbackId: item.id }, body: { version: item.version, status: "triaged" } };
    },
  },
  {
    name: "POST criterion",
    permission: "criteria.update",
    handler: postCriterion,
    method: "POST",
    okStatus: 201,
    async request() {
      const key = `rollback.matrix-${randomUUID().slice(0, 8)}`;
      return { params: { releaseId }, body: { kind: "rollback", key, titleKo: "지연", titleEn: "Latency", metric: "latency_p95", aggregation: "p95", comparator: "gt", threshold: 500, windowSec: 60 } };
    },
  },
  {
    name: "PATCH criterion",
    permission: "criteria.update",
    handler: patchCriterion,
    method: "PATCH",
    okStatus: 200,
    async request() {
      const criterion = await prisma.criterion.findUniqueOrThrow({ where: { releaseId_key: { releaseId, key: "rollback.error-rate" } }, select: { id: true, version: true } });
      return { params: { releaseId, criterionId: criterion.id }, body: { version: criterion.version, threshold: 1 + Math.random() * 9 } };
    },
  },
  {
    name: "DELETE criterion",
    permission: "criteria.update",
    handler: deleteCriterion,
    method: "DELETE",
    okStatus: 200,
    async request() {
      const criterion = await prisma.criterion.create({ data: { releaseId, kind: "success", key: `success.matrix-${randomUUID().slice(0, 8)}`, position: 99, titleKo: "x", titleEn: "x" } });
      return { params: { releaseId, criterionId: criterion.id }, path: `/api/test?version=${criterion.version}` };
    },
  },
  {
    name: "POST criterion flag",
    permission: "criteria.flag",
    handler: flagCriterion,
    method: "POST",
    okStatus: 200,
    async request() {
      const criterion = await prisma.criterion.findUniqueOrThrow({ where: { releaseId_key: { releaseId, key: "rollback.security" } }, select: { id: true } });
      return { params: { releaseId, criterionId: criterion.id }, body: { outcome: "pass", note: "scan came back clean" } };
    },
  },
  {
    name: "POST synthetic check",
    permission: "criteria.update",
    handler: postSyntheticCheck,
    method: "POST",
    okStatus: 201,
    async request() {
      return { params: { releaseId }, body: { key: `matrix-${randomUUID().slice(0, 8)}`, name: "Home", url: "http://127.0.0.1:9/" } };
    },
  },
  {
    name: "PATCH synthetic check",
    permission: "criteria.update",
    handler: patchSyntheticCheck,
    method: "PATCH",
    okStatus: 200,
    async request() {
      const check = await prisma.syntheticCheck.create({ data: { releaseId, key: `matrix-${randomUUID().slice(0, 8)}`, name: "Home", url: "http://127.0.0.1:9/" } });
      return { params: { releaseId, checkId: check.id }, body: { version: check.version, intervalSec: 120 } };
    },
  },
  {
    name: "DELETE synthetic check",
    permission: "criteria.update",
    handler: deleteSyntheticCheck,
    method: "DELETE",
    okStatus: 200,
    async request() {
      const check = await prisma.syntheticCheck.create({ data: { releaseId, key: `matrix-${randomUUID().slice(0, 8)}`, name: "Home", url: "http://127.0.0.1:9/" } });
      return { params: { releaseId, checkId: check.id }, path: `/api/test?version=${check.version}` };
    },
  },
];

beforeAll(async () => {
  for (const role of roles) users[role] = await createTestUser(role);
  ({ releaseId, itemIds } = await createTestRelease());
  const requester = await createTestUser("RELEASE_MANAGER");
  const matrixGate = (key: string, position: number) =>
    prisma.gate.create({
      data: {
        releaseId,
        key,
        position,
        titleKo: key,
        titleEn: key,
        requiredRoles: ["ADMIN", "RELEASE_MANAGER", "APPROVER", "ENGINEER"],
        approvalsNeeded: 99,
        requestedById: requester.id,
        requestedAt: new Date(),
      },
    });
  voteGateId = (await matrixGate("matrix_vote", 10)).id;
  overrideGateId = (await matrixGate("matrix_override", 11)).id;
  for (const kind of ["cutover", "rollback"] as const) {
    const op = await prisma.operation.create({ data: { releaseId, kind, rehearsal: true, status: "succeeded", idempotencyKey: randomUUID(), params: {} } });
    evidenceOperationId = op.id;
  }
});

afterAll(async () => {
  await stopQueue();
});

describe.each(mutatingRoutes)("$name ($permission)", (mutating) => {
  it.each(roles.map((role) => [role, can(role, mutating.permission)] as const))("%s allowed: %s", async (role, allowed) => {
    const actor = users[role]!;
    const { params, body, path } = await mutating.request(actor);
    const response = await call(mutating.handler, { method: mutating.method, path, params, body, as: actor });
    expect(response.status).toBe(allowed ? mutating.okStatus : 403);
    if (!allowed) expect(response.body.error.code).toBe("FORBIDDEN");
  });

  it("answers 401 without credentials", async () => {
    const { params, body, path } = await mutating.request(users.ADMIN!);
    expect((await call(mutating.handler, { method: mutating.method, path, params, body })).status).toBe(401);
  });
});
