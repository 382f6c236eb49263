import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { mutate } from "@/lib/audit/mutate";
import type { Role } from "@/lib/auth/permissions";
import { createApiToken } from "@/lib/auth/tokens";
import { prisma } from "@/lib/db/client";
import type { NextRouteContext, RouteHandler } from "@/lib/http/handler";
import { createReleaseFromTemplate } from "@/lib/template/create-release";
import { gaReleaseTemplate } from "@/lib/template/load-template";

// Helpers for integration tests that call route handlers as functions, the
// way Next.js does, against the per-run test database.
export const origin = "http://lc.test";
const testActor = { userId: null, label: "test", via: "system" } as const;

export interface TestUser {
  id: string;
  email: string;
  role: Role;
  bearer: string;
  cookie: string;
}

export async function createTestUser(role: Role, opts: { active?: boolean } = {}): Promise<TestUser> {
  const email = `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@test.local`;
  const user = await prisma.user.create({ data: { email, name: `${role} tester`, role, active: opts.active ?? true } });
  const { secret } = await createApiToken(testActor, user.id, { name: "test" });
  return { id: user.id, email, role, bearer: secret, cookie: await sessionCookie(user.id) };
}

export async function sessionCookie(userId: string): Promise<string> {
  const secret = process.env.NEXTAUTH_SECRET ?? "";
  return `next-auth.session-token=${await encode({ token: { sub: userId }, secret })}`;
}

export async function createTestRelease(): Promise<{ releaseId: string; itemIds: string[] }> {
  const { id } = await mutate(testActor, ({ tx }) =>
    createReleaseFromTemplate(tx, gaReleaseTemplate, {
      version: `v-test-${randomUUID().slice(0, 8)}`,
      // In the future, so no item starts out overdue.
      launchAt: new Date(Date.now() + 30 * 86_400_000),
      timezone: "Asia/Seoul",
    }),
  );
  const items = await prisma.checklistItem.findMany({ where: { releaseId: id }, orderBy: [{ sectionId: "asc" }, { position: "asc" }], select: { id: true } });
  return { releaseId: id, itemIds: items.map((item) => item.id) };
}

export async function itemVersion(itemId: string): Promise<number> {
  const item = await prisma.checklistItem.findUniqueOrThrow({ where: { id: itemId }, select: { version: true } });
  return item.version;
}

export interface CallOptions {
  method?: string;
  path?: string;
  params?: Record<string, string>;
  as?: TestUser | null;
  via?: "bearer" | "cookie";
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface ErrorBody {
  error: { code: string; message: string; details: unknown };
}

// The caller names the body type it expects; JSON from our own handlers.
export async function call<T = ErrorBody>(handler: RouteHandler, opts: CallOptions = {}): Promise<{ status: number; body: T; headers: Headers }> {
  const headers: Record<string, string> = { host: "lc.test", ...opts.headers };
  if (opts.as) {
    if (opts.via === "cookie") headers.cookie = opts.as.cookie;
    else headers.authorization = `Bearer ${opts.as.bearer}`;
  }
  const hasBody = opts.body !== undefined || opts.rawBody !== undefined;
  if (hasBody) headers["content-type"] ??= "application/json";
  const req = new Request(`${origin}${opts.path ?? "/api/test"}`, {
    method: opts.method ?? "GET",
    headers,
    body: hasBody ? (opts.rawBody ?? JSON.stringify(opts.body)) : undefined,
  });
  const context: NextRouteContext = { params: Promise.resolve(opts.params ?? {}) };
  const response = await handler(req, context);
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T, headers: response.headers };
}

// Live events are published on the event loop's next turn after commit
// (lib/audit/mutate.ts); a test that listens waits for that turn.
export function flushLiveEvents(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
