import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { AuthUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { route } from "./handler";

const signedIn = vi.hoisted(() => ({ user: null as AuthUser | null }));

vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  return { ...original, resolveActor: vi.fn(async () => signedIn.user) };
});

const engineer: AuthUser = { id: "0b6f3c2e-1d4a-4e8f-9a1b-2c3d4e5f6a7b", email: "e@x.io", name: "E", role: "ENGINEER", via: "session" };
const noContext = { params: Promise.resolve({}) };

function request(init: RequestInit & { headers?: Record<string, string> } = {}): Request {
  return new Request("http://lc.test/api/v1/thing", {
    ...init,
    headers: { host: "lc.test", "content-type": "application/json", ...init.headers },
  });
}

async function errorOf(response: Response): Promise<{ status: number; code: string; details: unknown }> {
  const body = (await response.json()) as { error: { code: string; details: unknown } };
  return { status: response.status, code: body.error.code, details: body.error.details };
}

const echo = route({ permission: "checklist.update", body: z.strictObject({ n: z.int() }) }, async ({ body }) => ({ got: body.n }));

beforeEach(() => {
  signedIn.user = engineer;
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("route()", () => {
  it("runs the handler with the parsed body and answers 200 JSON", async () => {
    const response = await echo(request({ method: "POST", body: '{"n":1}', headers: { origin: "http://lc.test" } }), noContext);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ got: 1 });
  });

  it("answers 401 without a session or token", async () => {
    signedIn.user = null;
    expect(await errorOf(await echo(request({ method: "POST", body: '{"n":1}' }), noContext))).toMatchObject({ status: 401, code: "UNAUTHENTICATED" });
  });

  it("answers 403 FORBIDDEN when the role lacks the permission", async () => {
    signedIn.user = { ...engineer, role: "VIEWER" };
    expect(await errorOf(await echo(request({ method: "POST", body: '{"n":1}' }), noContext))).toMatchObject({ status: 403, code: "FORBIDDEN" });
  });

  it("refuses a cookie-authenticated change from another origin", async () => {
    const crossOrigin = request({ method: "POST", body: '{"n":1}', headers: { origin: "https://evil.example" } });
    expect(await errorOf(await echo(crossOrigin, noContext))).toMatchObject({ status: 403, code: "CROSS_ORIGIN" });
    const crossSite = request({ method: "POST", body: '{"n":1}', headers: { "sec-fetch-site": "cross-site" } });
    expect(await errorOf(await echo(crossSite, noContext))).toMatchObject({ status: 403, code: "CROSS_ORIGIN" });
  });

  it("lets a bearer-token change through whatever the origin", async () => {
    signedIn.user = { ...engineer, via: "token" };
    const response = await echo(request({ method: "POST", body: '{"n":1}', headers: { origin: "https://ci.example" } }), noContext);
    expect(response.status).toBe(200);
  });

  it.each([
    ["malformed JSON", '{"n":', 400, "BAD_REQUEST"],
    ["an empty body", "", 400, "BAD_REQUEST"],
    ["an unknown field", '{"n":1,"extra":true}', 400, "VALIDATION_FAILED"],
    ["a wrong type", '{"n":"1"}', 400, "VALIDATION_FAILED"],
    ["an array instead of an object", "[1]", 400, "VALIDATION_FAILED"],
  ])("answers %s with %i %s", async (_, body, status, code) => {
    expect(await errorOf(await echo(request({ method: "POST", body }), noContext))).toMatchObject({ status, code });
  });

  it("gives zod issues as details with path, message and code", async () => {
    const { details } = await errorOf(await echo(request({ method: "POST", body: '{"n":"x"}' }), noContext));
    expect(details).toEqual([expect.objectContaining({ path: ["n"], code: "invalid_type", message: expect.any(String) })]);
  });

  it("answers 413 for a body over 64 KiB", async () => {
    const body = JSON.stringify({ n: 1, pad: "x".repeat(70_000) });
    expect(await errorOf(await echo(request({ method: "POST", body }), noContext))).toMatchObject({ status: 413, code: "PAYLOAD_TOO_LARGE" });
  });

  it("answers 415 when the body is not declared as JSON", async () => {
    const response = await echo(request({ method: "POST", body: "n=1", headers: { "content-type": "application/x-www-form-urlencoded" } }), noContext);
    expect(await errorOf(response)).toMatchObject({ status: 415, code: "UNSUPPORTED_MEDIA_TYPE" });
  });

  it("answers 404 for a malformed id in the path", async () => {
    const byId = route({ params: z.strictObject({ id: z.uuid() }) }, async ({ params }) => ({ id: params.id }));
    const response = await byId(request(), { params: Promise.resolve({ id: "42" }) });
    expect(await errorOf(response)).toMatchObject({ status: 404, code: "NOT_FOUND" });
  });

  it("answers 400 for an invalid query", async () => {
    const listed = route({ query: z.strictObject({ limit: z.coerce.number().int().max(10) }) }, async ({ query }) => query);
    const response = await listed(new Request("http://lc.test/x?limit=99"), noContext);
    expect(await errorOf(response)).toMatchObject({ status: 400, code: "VALIDATION_FAILED" });
  });

  it("maps an AppError to its status and keeps its details", async () => {
    const failing = route({}, async () => {
      throw new AppError("VERSION_CONFLICT", "stale", { current: { version: 2 } });
    });
    expect(await errorOf(await failing(request(), noContext))).toEqual({ status: 409, code: "VERSION_CONFLICT", details: { current: { version: 2 } } });
  });

  it("maps Prisma's record-not-found to 404 and a bad identifier to 400", async () => {
    const prismaError = (code: string) => Object.assign(new Error("prisma"), { name: "PrismaClientKnownRequestError", code });
    const notFound = route({}, async () => Promise.reject(prismaError("P2025")));
    const badId = route({}, async () => Promise.reject(prismaError("P2023")));
    expect((await notFound(request(), noContext)).status).toBe(404);
    expect((await badId(request(), noContext)).status).toBe(400);
  });

  it("hides unexpected errors behind a generic 500 and logs them", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const broken = route({}, async () => {
      throw new Error("connection string with password=secret");
    });
    const response = await broken(request(), noContext);
    const body = JSON.stringify(await response.json());
    expect(response.status).toBe(500);
    expect(body).toContain("INTERNAL");
    expect(body).not.toContain("secret");
    expect(log).toHaveBeenCalled();
  });

  it("serves public routes without a user", async () => {
    signedIn.user = null;
    const open = route({ public: true }, async ({ user }) => ({ anonymous: user === null }));
    expect(await (await open(request(), noContext)).json()).toEqual({ anonymous: true });
  });
});
