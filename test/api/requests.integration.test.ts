import { beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as getMyTokens, POST as createToken } from "@/app/api/v1/me/tokens/route";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";
import { GET as getAudit } from "@/app/api/v1/releases/[releaseId]/audit/route";
import { GET as getChecklist } from "@/app/api/v1/releases/[releaseId]/checklist/route";
import { PATCH as patchItem } from "@/app/api/v1/releases/[releaseId]/checklist/items/[itemId]/route";
import { GET as getRelease } from "@/app/api/v1/releases/[releaseId]/route";
import { GET as listReleases } from "@/app/api/v1/releases/route";
import { PATCH as patchUser } from "@/app/api/v1/users/[userId]/route";
import { GET as listUsers } from "@/app/api/v1/users/route";
import type { AuditList } from "@/lib/audit/audit.validation";
import type { ApiTokenDto } from "@/lib/auth/tokens.validation";
import type { ChecklistDto } from "@/lib/checklist/checklist.validation";
import { prisma } from "@/lib/db/client";
import type { ReleaseDetail, ReleaseSummary } from "@/lib/releases/releases.validation";
import { call, createTestRelease, createTestUser, itemVersion, origin, type TestUser } from "@/test/api-fixtures";

let admin: TestUser;
let engineer: TestUser;
let viewer: TestUser;
let releaseId: string;
let itemIds: string[];
const unknownId = "00000000-0000-4000-8000-000000000000";

beforeAll(async () => {
  admin = await createTestUser("ADMIN");
  engineer = await createTestUser("ENGINEER");
  viewer = await createTestUser("VIEWER");
  ({ releaseId, itemIds } = await createTestRelease());
});

function patch(body: unknown, extra: { rawBody?: string; headers?: Record<string, string>; via?: "cookie" | "bearer" } = {}) {
  return call(patchItem, { method: "PATCH", params: { releaseId, itemId: itemIds[0]! }, body: extra.rawBody ? undefined : body, as: engineer, ...extra });
}

describe("bad input never becomes a 500", () => {
  it.each([
    ["malformed JSON", { rawBody: '{"version": 1, "status": ' }, 400, "BAD_REQUEST"],
    ["an unknown field", { body: { version: 1, status: "done", owner: "me" } }, 400, "VALIDATION_FAILED"],
    ["a wrong type", { body: { version: "one", status: "done" } }, 400, "VALIDATION_FAILED"],
    ["a JSON string instead of an object", { rawBody: '"done"' }, 400, "VALIDATION_FAILED"],
    ["an oversized body", { rawBody: JSON.stringify({ version: 1, note: "x".repeat(70 * 1024) }) }, 413, "PAYLOAD_TOO_LARGE"],
    ["a form body", { rawBody: "version=1", headers: { "content-type": "application/x-www-form-urlencoded" } }, 415, "UNSUPPORTED_MEDIA_TYPE"],
  ] as [string, { body?: unknown; rawBody?: string; headers?: Record<string, string> }, number, string][])("%s → %i %s", async (_, input, status, code) => {
    const response = await patch(input.body, input);
    expect(response.status).toBe(status);
    expect(response.body.error).toMatchObject({ code, message: expect.any(String) });
  });

  it("answers 404 for unknown or malformed release ids", async () => {
    for (const id of [unknownId, "not-a-uuid"]) {
      expect((await call(getRelease, { params: { releaseId: id }, as: viewer })).status).toBe(404);
      expect((await call(getChecklist, { params: { releaseId: id }, as: viewer })).status).toBe(404);
      expect((await call(getAudit, { params: { releaseId: id }, as: viewer })).status).toBe(404);
    }
    expect((await call(patchUser, { method: "PATCH", params: { userId: unknownId }, body: { version: 1, active: false }, as: admin })).status).toBe(404);
  });

  it("answers 400 for a bad query", async () => {
    const response = await call(getChecklist, { params: { releaseId }, path: "/x?filter=late", as: viewer });
    expect(response.status).toBe(400);
  });
});

describe("cross-origin protection", () => {
  it("refuses a cookie-authenticated change from another origin", async () => {
    const response = await patch({ version: await itemVersion(itemIds[0]!), note: "csrf" }, { via: "cookie", headers: { origin: "https://evil.example" } });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe("CROSS_ORIGIN");
  });

  it("accepts the same change from our own origin", async () => {
    const response = await patch({ version: await itemVersion(itemIds[0]!), note: "same origin" }, { via: "cookie", headers: { origin, "sec-fetch-site": "same-origin" } });
    expect(response.status).toBe(200);
  });

  it("accepts a bearer-token change whatever the origin says", async () => {
    const response = await patch({ version: await itemVersion(itemIds[0]!), note: "from CI" }, { via: "bearer", headers: { origin: "https://ci.example", "sec-fetch-site": "cross-site" } });
    expect(response.status).toBe(200);
  });
});

describe("reads", () => {
  it("lists releases with checklist progress", async () => {
    const response = await call<{ releases: ReleaseSummary[] }>(listReleases, { as: viewer });
    const release = response.body.releases.find((candidate) => candidate.id === releaseId);
    expect(release).toMatchObject({ name: { ko: expect.any(String), en: expect.any(String) }, timezone: "Asia/Seoul" });
    expect(release!.progress.total).toBe(itemIds.length);
  });

  it("returns the release detail with sections, phases, teams, criteria and risks", async () => {
    const response = await call<{ release: ReleaseDetail }>(getRelease, { params: { releaseId }, as: viewer });
    const release = response.body.release;
    expect(release.sections.length).toBeGreaterThan(0);
    expect(release.sections.reduce((sum, section) => sum + section.progress.total, 0)).toBe(itemIds.length);
    expect(release.phases.length).toBeGreaterThan(0);
    expect(release.teams.length).toBeGreaterThan(0);
    expect(release.criteria.some((criterion) => criterion.kind === "rollback")).toBe(true);
    expect(release.eventSeq).toBeGreaterThanOrEqual(0);
  });

  it("filters the checklist: mine, blocked and overdue", async () => {
    const [mine, blocked, overdue] = itemIds.slice(10, 13) as [string, string, string];
    await prisma.checklistItem.update({ where: { id: mine }, data: { assigneeId: viewer.id } });
    await prisma.checklistItem.update({ where: { id: blocked }, data: { status: "blocked" } });
    await prisma.checklistItem.update({ where: { id: overdue }, data: { dueAt: new Date(Date.now() - 60_000) } });
    const idsFor = async (filter: string) => {
      const response = await call<ChecklistDto>(getChecklist, { params: { releaseId }, path: `/x?filter=${filter}`, as: viewer });
      return response.body.sections.flatMap((section) => section.items.map((item) => item.id));
    };
    expect(await idsFor("mine")).toEqual([mine]);
    expect(await idsFor("blocked")).toEqual([blocked]);
    expect(await idsFor("overdue")).toEqual([overdue]);
    expect(await idsFor("all")).toHaveLength(itemIds.length);
  });

  it("pages the audit trail newest first and filters by actor and action prefix", async () => {
    const itemId = itemIds.at(-1)!;
    for (let index = 0; index < 3; index += 1) {
      await call(patchItem, { method: "PATCH", params: { releaseId, itemId }, body: { version: await itemVersion(itemId), note: `n${index}` }, as: engineer });
    }
    const first = await call<AuditList>(getAudit, { params: { releaseId }, path: `/x?actorId=${engineer.id}&action=checklist.&limit=2`, as: viewer });
    expect(first.body.events).toHaveLength(2);
    expect(first.body.events.every((event) => event.actor.id === engineer.id && event.action.startsWith("checklist."))).toBe(true);
    expect(Number(first.body.events[0]!.id)).toBeGreaterThan(Number(first.body.events[1]!.id));
    const rest = await call<AuditList>(getAudit, { params: { releaseId }, path: `/x?actorId=${engineer.id}&cursor=${first.body.nextCursor}&limit=200`, as: viewer });
    const seen = new Set([...first.body.events, ...rest.body.events].map((event) => event.id));
    expect(seen.size).toBe(first.body.events.length + rest.body.events.length);
    expect(rest.body.nextCursor).toBeNull();
  });
});

describe("users", () => {
  it("shows admins every user with details and others only active users", async () => {
    const inactive = await createTestUser("MARKETING", { active: false });
    const asAdmin = await call<{ users: { id: string; active?: boolean }[] }>(listUsers, { as: admin });
    expect(asAdmin.body.users.find((user) => user.id === inactive.id)).toMatchObject({ active: false });
    const asViewer = await call<{ users: Record<string, unknown>[] }>(listUsers, { as: viewer });
    expect(asViewer.body.users.some((user) => user.id === inactive.id)).toBe(false);
    expect(Object.keys(asViewer.body.users[0]!).sort()).toEqual(["email", "id", "name", "role"]);
  });

  it("refuses to demote or deactivate the last active admin", async () => {
    const others = await prisma.user.findMany({ where: { role: "ADMIN", active: true, id: { not: admin.id } }, select: { id: true } });
    await prisma.user.updateMany({ where: { id: { in: others.map((other) => other.id) } }, data: { active: false } });
    try {
      const self = await prisma.user.findUniqueOrThrow({ where: { id: admin.id } });
      const demote = await call(patchUser, { method: "PATCH", params: { userId: admin.id }, body: { version: self.version, role: "VIEWER" }, as: admin });
      expect(demote.status).toBe(409);
      const deactivate = await call(patchUser, { method: "PATCH", params: { userId: admin.id }, body: { version: self.version, active: false }, as: admin });
      expect(deactivate.status).toBe(409);
    } finally {
      // Other test files share this database and its admins.
      await prisma.user.updateMany({ where: { id: { in: others.map((other) => other.id) } }, data: { active: true } });
    }
  });

  it("answers 409 for a stale user version and audits a change", async () => {
    const target = await createTestUser("VIEWER");
    const changed = await call(patchUser, { method: "PATCH", params: { userId: target.id }, body: { version: 1, role: "ENGINEER" }, as: admin });
    expect(changed.status).toBe(200);
    expect(await prisma.auditEvent.count({ where: { subjectId: target.id, action: "user.updated", releaseId: null } })).toBe(1);
    const stale = await call(patchUser, { method: "PATCH", params: { userId: target.id }, body: { version: 1, role: "VIEWER" }, as: admin });
    expect(stale.status).toBe(409);
  });
});

describe("tokens", () => {
  it("creates a token whose secret works once shown, and lists it without the secret", async () => {
    const created = await call<{ token: ApiTokenDto; secret: string }>(createToken, { method: "POST", body: { name: "ci", expiresInDays: 7 }, as: viewer });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^lc_[A-Za-z0-9_-]{43}$/);
    expect(created.body.token.prefix).toBe(created.body.secret.slice(0, 10));
    const listed = await call<{ tokens: ApiTokenDto[] }>(getMyTokens, { headers: { authorization: `Bearer ${created.body.secret}` } });
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
    expect(await prisma.auditEvent.count({ where: { subjectId: created.body.token.id, action: "token.created" } })).toBe(1);
  });
});

describe("public endpoints", () => {
  it("reports health without authentication", async () => {
    const response = await health();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", db: "ok", version: expect.any(String) });
  });

  it("serves the OpenAPI document with every route", async () => {
    const response = await call<{ openapi: string; paths: Record<string, unknown> }>(openapi);
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe("3.1.0");
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining([
        "/api/health",
        "/api/v1/releases/{releaseId}/checklist/items/{itemId}",
        "/api/v1/releases/{releaseId}/audit",
        "/api/v1/me/tokens",
        "/api/v1/releases/{releaseId}/gates",
        "/api/v1/releases/{releaseId}/gates/{gateId}/request",
        "/api/v1/releases/{releaseId}/gates/{gateId}/decisions",
      ]),
    );
  });
});
