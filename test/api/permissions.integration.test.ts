import { beforeAll, describe, expect, it } from "vitest";
import { DELETE as revokeToken } from "@/app/api/v1/me/tokens/[tokenId]/route";
import { POST as createToken } from "@/app/api/v1/me/tokens/route";
import { PATCH as patchItem } from "@/app/api/v1/releases/[releaseId]/checklist/items/[itemId]/route";
import { POST as postGateDecision } from "@/app/api/v1/releases/[releaseId]/gates/[gateId]/decisions/route";
import { POST as postGateRequest } from "@/app/api/v1/releases/[releaseId]/gates/[gateId]/request/route";
import { PUT as putSetting } from "@/app/api/v1/releases/[releaseId]/settings/[key]/route";
import { PUT as putSimulationFaults } from "@/app/api/v1/releases/[releaseId]/simulation/faults/route";
import { PATCH as patchUser } from "@/app/api/v1/users/[userId]/route";
import { POST as createUser } from "@/app/api/v1/users/route";
import { can, roles, type Permission, type Role } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
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
  request(actor: TestUser): Promise<{ params: Record<string, string>; body?: unknown }>;
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

async function gateVersion(gateId: string): Promise<number> {
  return (await prisma.gate.findUniqueOrThrow({ where: { id: gateId }, select: { version: true } })).version;
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
});

describe.each(mutatingRoutes)("$name ($permission)", (mutating) => {
  it.each(roles.map((role) => [role, can(role, mutating.permission)] as const))("%s allowed: %s", async (role, allowed) => {
    const actor = users[role]!;
    const { params, body } = await mutating.request(actor);
    const response = await call(mutating.handler, { method: mutating.method, params, body, as: actor });
    expect(response.status).toBe(allowed ? mutating.okStatus : 403);
    if (!allowed) expect(response.body.error.code).toBe("FORBIDDEN");
  });

  it("answers 401 without credentials", async () => {
    const { params, body } = await mutating.request(users.ADMIN!);
    expect((await call(mutating.handler, { method: mutating.method, params, body })).status).toBe(401);
  });
});
