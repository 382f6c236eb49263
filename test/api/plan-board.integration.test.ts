import { beforeAll, describe, expect, it } from "vitest";
import { PATCH as patchFeedback } from "@/app/api/v1/releases/[releaseId]/feedback/[feedbackId]/route";
import { GET as getFeedback, POST as postFeedback } from "@/app/api/v1/releases/[releaseId]/feedback/route";
import { DELETE as deleteShift, PATCH as patchShift } from "@/app/api/v1/releases/[releaseId]/oncall/[shiftId]/route";
import { GET as getOnCall, POST as postShift } from "@/app/api/v1/releases/[releaseId]/oncall/route";
import { PATCH as patchRisk } from "@/app/api/v1/releases/[releaseId]/risks/[riskId]/route";
import { GET as getRisks, POST as postRisk } from "@/app/api/v1/releases/[releaseId]/risks/route";
import { PUT as putMembers } from "@/app/api/v1/releases/[releaseId]/teams/[teamId]/members/route";
import { GET as getTeams } from "@/app/api/v1/releases/[releaseId]/teams/route";
import { prisma } from "@/lib/db/client";
import type { FeedbackDto } from "@/lib/feedback/feedback.validation";
import type { OnCallDto, ShiftDto } from "@/lib/oncall/oncall.validation";
import type { RiskDto } from "@/lib/risks/risks.validation";
import type { TeamDto } from "@/lib/teams/teams.validation";
import { call, createTestRelease, createTestUser, type ErrorBody, type TestUser } from "@/test/api-fixtures";

let manager: TestUser;
let engineer: TestUser;
let marketing: TestUser;
let viewer: TestUser;
let releaseId: string;
const hour = 3_600_000;

beforeAll(async () => {
  manager = await createTestUser("RELEASE_MANAGER");
  engineer = await createTestUser("ENGINEER");
  marketing = await createTestUser("MARKETING");
  viewer = await createTestUser("VIEWER");
  ({ releaseId } = await createTestRelease());
});

async function teams(): Promise<Map<string, TeamDto>> {
  const response = await call<{ teams: TeamDto[] }>(getTeams, { params: { releaseId }, as: viewer });
  expect(response.status).toBe(200);
  return new Map(response.body.teams.map((team) => [team.key, team]));
}

async function audited(action: string, subjectId: string): Promise<number> {
  return prisma.auditEvent.count({ where: { releaseId, action, subjectId } });
}

describe("teams", () => {
  it("lists the template's teams with headcount and no members yet", async () => {
    const list = await teams();
    expect(list.get("dev")).toMatchObject({ headcount: 3, members: [] });
    expect(list.size).toBe(7);
  });

  it("replaces a team's members, audits team.members.updated, and answers 409 to a stale list", async () => {
    const devops = (await teams()).get("devops")!;
    const response = await call<{ team: TeamDto }>(putMembers, {
      method: "PUT",
      params: { releaseId, teamId: devops.id },
      body: { membersVersion: devops.membersVersion, members: [{ userId: engineer.id, roleInTeam: "Lead" }, { userId: manager.id }] },
      as: manager,
    });
    expect(response.status).toBe(200);
    expect(response.body.team.members.map((member) => member.userId).sort()).toEqual([engineer.id, manager.id].sort());
    expect(response.body.team.membersVersion).not.toBe(devops.membersVersion);
    expect(await audited("team.members.updated", devops.id)).toBe(1);

    const stale = await call(putMembers, { method: "PUT", params: { releaseId, teamId: devops.id }, body: { membersVersion: devops.membersVersion, members: [] }, as: manager });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("VERSION_CONFLICT");
    expect((await teams()).get("devops")?.members).toHaveLength(2);
  });

  it("refuses unknown or inactive users and duplicates with 400", async () => {
    const dev = (await teams()).get("dev")!;
    const inactive = await createTestUser("ENGINEER", { active: false });
    for (const members of [[{ userId: inactive.id }], [{ userId: engineer.id }, { userId: engineer.id }], [{ userId: "nope" }]]) {
      const response = await call(putMembers, { method: "PUT", params: { releaseId, teamId: dev.id }, body: { membersVersion: dev.membersVersion, members }, as: manager });
      expect(response.status).toBe(400);
    }
  });

  it("lets only admins and release managers change members", async () => {
    const dev = (await teams()).get("dev")!;
    const response = await call(putMembers, { method: "PUT", params: { releaseId, teamId: dev.id }, body: { membersVersion: dev.membersVersion, members: [] }, as: engineer });
    expect(response.status).toBe(403);
  });
});

describe("on-call rota", () => {
  let window: OnCallDto["window"];

  beforeAll(async () => {
    window = (await call<OnCallDto>(getOnCall, { params: { releaseId }, as: viewer })).body.window;
  });

  const at = (offsetHours: number) => new Date(new Date(window.startsAt).getTime() + offsetHours * hour).toISOString();

  it("covers the 48-hour stabilisation window and warns for its owner teams while nobody is on shift", async () => {
    const response = await call<OnCallDto>(getOnCall, { params: { releaseId }, as: viewer });
    expect(new Date(window.endsAt).getTime() - new Date(window.startsAt).getTime()).toBe(48 * hour);
    expect(response.body.coverage.filter((gap) => gap.phaseKey === "stabilisation").map((gap) => gap.teamKey).sort()).toEqual(["dev", "devops"]);
  });

  it("creates, moves and deletes shifts with versions, audits each, and narrows the warnings", async () => {
    const devops = (await teams()).get("devops")!;
    const created = await call<{ shift: ShiftDto }>(postShift, {
      method: "POST",
      params: { releaseId },
      body: { teamId: devops.id, userId: engineer.id, startsAt: at(0), endsAt: at(24) },
      as: engineer,
    });
    expect(created.status).toBe(201);
    const shift = created.body.shift;
    expect(shift).toMatchObject({ teamKey: "devops", user: { id: engineer.id }, version: 1 });

    const moved = await call<{ shift: ShiftDto }>(patchShift, { method: "PATCH", params: { releaseId, shiftId: shift.id }, body: { version: 1, endsAt: at(48) }, as: engineer });
    expect(moved.status).toBe(200);
    expect(moved.body.shift.version).toBe(2);
    const rota = await call<OnCallDto>(getOnCall, { params: { releaseId }, as: viewer });
    expect(rota.body.coverage.find((gap) => gap.phaseKey === "stabilisation" && gap.teamKey === "devops")).toBeUndefined();

    const stale = await call(patchShift, { method: "PATCH", params: { releaseId, shiftId: shift.id }, body: { version: 1, endsAt: at(12) }, as: engineer });
    expect(stale.status).toBe(409);
    expect((await call(deleteShift, { method: "DELETE", path: "/x?version=1", params: { releaseId, shiftId: shift.id }, as: engineer })).status).toBe(409);

    const removed = await call(deleteShift, { method: "DELETE", path: "/x?version=2", params: { releaseId, shiftId: shift.id }, as: engineer });
    expect(removed.status).toBe(200);
    for (const action of ["oncall.created", "oncall.updated", "oncall.deleted"]) expect(await audited(action, shift.id)).toBe(1);
  });

  it("refuses an end before the start, times a year off, unknown teams and inactive people with 400", async () => {
    const devops = (await teams()).get("devops")!;
    const otherRelease = await createTestRelease();
    const foreignTeam = await prisma.team.findFirstOrThrow({ where: { releaseId: otherRelease.releaseId }, select: { id: true } });
    const inactive = await createTestUser("ENGINEER", { active: false });
    const bodies = [
      { teamId: devops.id, userId: engineer.id, startsAt: at(10), endsAt: at(2) },
      { teamId: devops.id, userId: engineer.id, startsAt: at(24 * 400), endsAt: at(24 * 401) },
      { teamId: foreignTeam.id, userId: engineer.id, startsAt: at(0), endsAt: at(4) },
      { teamId: devops.id, userId: inactive.id, startsAt: at(0), endsAt: at(4) },
      { teamId: devops.id, userId: engineer.id, startsAt: at(0) },
    ];
    for (const body of bodies) {
      const response = await call<ErrorBody>(postShift, { method: "POST", params: { releaseId }, body, as: engineer });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.code).toBe("VALIDATION_FAILED");
    }
  });
});

describe("risk register", () => {
  async function risks(): Promise<RiskDto[]> {
    const response = await call<{ risks: RiskDto[] }>(getRisks, { params: { releaseId }, as: viewer });
    expect(response.status).toBe(200);
    return response.body.risks;
  }

  it("lists the template's four risks with scores", async () => {
    const list = await risks();
    expect(list.map((risk) => risk.key)).toEqual(["traffic-overload", "migration-failure", "unexpected-bug", "security-vulnerability"]);
    for (const risk of list) expect(risk.score).toBe(risk.severity * risk.likelihood);
  });

  it("creates a risk written in one language, with owner and linked checklist items", async () => {
    const response = await call<{ risk: RiskDto }>(postRisk, {
      method: "POST",
      params: { releaseId },
      body: { title: { en: "CDN cache not warmed" }, severity: 3, likelihood: 4, ownerId: engineer.id, linkedItemKeys: ["environment.rollback-tested"] },
      as: engineer,
    });
    expect(response.status).toBe(201);
    expect(response.body.risk).toMatchObject({
      title: { ko: "CDN cache not warmed", en: "CDN cache not warmed" },
      score: 12,
      status: "open",
      owner: { id: engineer.id },
      linkedItems: [{ key: "environment.rollback-tested" }],
      position: 4,
    });
    expect(await audited("risk.created", response.body.risk.id)).toBe(1);
  });

  it("updates impact, likelihood, mitigation and status with a version, and 409 on a stale one", async () => {
    const risk = (await risks())[0]!;
    const response = await call<{ risk: RiskDto }>(patchRisk, {
      method: "PATCH",
      params: { releaseId, riskId: risk.id },
      body: { version: risk.version, severity: 5, likelihood: 1, mitigation: { ko: "오토스케일링 사전 확장" }, status: "mitigated" },
      as: engineer,
    });
    expect(response.status).toBe(200);
    expect(response.body.risk).toMatchObject({ severity: 5, likelihood: 1, score: 5, status: "mitigated", version: risk.version + 1 });
    expect(response.body.risk.mitigation).toEqual({ ko: "오토스케일링 사전 확장", en: risk.mitigation.en });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "risk.updated", subjectId: risk.id } });
    expect(event.before).toMatchObject({ severity: risk.severity, status: "open" });

    const stale = await call<ErrorBody>(patchRisk, { method: "PATCH", params: { releaseId, riskId: risk.id }, body: { version: risk.version, status: "closed" }, as: engineer });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("VERSION_CONFLICT");
  });

  it("refuses scores outside 1–5, unknown items and empty titles with 400, and marketing with 403", async () => {
    const risk = (await risks())[1]!;
    for (const body of [{ version: risk.version, severity: 6 }, { version: risk.version, linkedItemKeys: ["no.such-item"] }, { version: risk.version, title: {} }]) {
      expect((await call(patchRisk, { method: "PATCH", params: { releaseId, riskId: risk.id }, body, as: engineer })).status).toBe(400);
    }
    expect((await call(patchRisk, { method: "PATCH", params: { releaseId, riskId: risk.id }, body: { version: risk.version, severity: 2 }, as: marketing })).status).toBe(403);
  });
});

describe("feedback", () => {
  it("lets marketing log an enquiry, an engineer triage and resolve it, each audited", async () => {
    const created = await call<{ feedback: FeedbackDto }>(postFeedback, {
      method: "POST",
      params: { releaseId },
      body: { kind: "enquiry", category: "account", severity: 2, title: "Cannot sign in after update", body: "Three customers since 09:00" },
      as: marketing,
    });
    expect(created.status).toBe(201);
    const item = created.body.feedback;
    expect(item).toMatchObject({ status: "open", reporter: { id: marketing.id }, version: 1 });

    const triaged = await call<{ feedback: FeedbackDto }>(patchFeedback, { method: "PATCH", params: { releaseId, feedbackId: item.id }, body: { version: 1, status: "triaged", severity: 1 }, as: engineer });
    expect(triaged.status).toBe(200);
    expect(triaged.body.feedback).toMatchObject({ status: "triaged", severity: 1, version: 2 });
    const stale = await call(patchFeedback, { method: "PATCH", params: { releaseId, feedbackId: item.id }, body: { version: 1, status: "resolved" }, as: engineer });
    expect(stale.status).toBe(409);
    expect((await call(patchFeedback, { method: "PATCH", params: { releaseId, feedbackId: item.id }, body: { version: 2, status: "resolved" }, as: marketing })).status).toBe(403);

    const open = await call<{ feedback: FeedbackDto[] }>(getFeedback, { path: "/x?status=triaged", params: { releaseId }, as: viewer });
    expect(open.body.feedback.map((f) => f.id)).toContain(item.id);
    expect(await audited("feedback.created", item.id)).toBe(1);
    expect(await audited("feedback.updated", item.id)).toBe(1);
  });

  it("refuses bad severity, unknown kinds and categories with 400 and viewers with 403", async () => {
    const base = { kind: "survey", category: "usability", severity: 3, title: "Checkout button hard to find" };
    for (const body of [{ ...base, severity: 5 }, { ...base, kind: "complaint" }, { ...base, category: "vibes" }, { ...base, title: " " }]) {
      expect((await call(postFeedback, { method: "POST", params: { releaseId }, body, as: engineer })).status).toBe(400);
    }
    expect((await call(postFeedback, { method: "POST", params: { releaseId }, body: base, as: viewer })).status).toBe(403);
    expect((await call(getFeedback, { path: "/x?status=done", params: { releaseId }, as: viewer })).status).toBe(400);
  });
});
