import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getMe } from "@/app/api/v1/me/route";
import { POST as signInPost } from "@/app/api/auth/[...nextauth]/route";
import { prisma } from "@/lib/db/client";
import { call, createTestUser, sessionCookie, type TestUser } from "@/test/api-fixtures";
import { authorizeCredentials } from "./options";
import { hashPassword } from "./password";
import { resolveActor } from "./session";
import { authenticateBearer } from "./tokens";

type MeBody = { user: { id: string; role: string }; permissions: string[] };

let viewer: TestUser;

beforeAll(async () => {
  viewer = await createTestUser("VIEWER");
});

describe("API token authentication", () => {
  it("accepts a valid token, acting with its owner's current role", async () => {
    const me = await call<MeBody>(getMe, { as: viewer });
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ id: viewer.id, role: "VIEWER" });
    expect(me.body.permissions).toContain("release.read");
    expect(me.body.permissions).not.toContain("checklist.update");
  });

  it("records when a token was last used", async () => {
    const token = await prisma.apiToken.findFirstOrThrow({ where: { userId: viewer.id } });
    await prisma.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: null } });
    await authenticateBearer(viewer.bearer);
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt).not.toBeNull();
  });

  it("refuses a revoked token", async () => {
    const user = await createTestUser("ENGINEER");
    await prisma.apiToken.updateMany({ where: { userId: user.id }, data: { revokedAt: new Date() } });
    expect((await call(getMe, { as: user })).status).toBe(401);
  });

  it("refuses an expired token", async () => {
    const user = await createTestUser("ENGINEER");
    await prisma.apiToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await call(getMe, { as: user })).status).toBe(401);
  });

  it("refuses the token of a deactivated user", async () => {
    const user = await createTestUser("ENGINEER");
    await prisma.user.update({ where: { id: user.id }, data: { active: false } });
    expect((await call(getMe, { as: user })).status).toBe(401);
  });

  it("refuses unknown and malformed tokens", async () => {
    expect(await authenticateBearer("lc_not-a-real-token")).toBeNull();
    expect(await authenticateBearer("something-else")).toBeNull();
    expect((await call(getMe, { headers: { authorization: "Bearer lc_nope" } })).status).toBe(401);
  });
});

describe("session authentication", () => {
  it("accepts the next-auth session cookie and reloads the role from the database", async () => {
    const user = await createTestUser("ENGINEER");
    await prisma.user.update({ where: { id: user.id }, data: { role: "APPROVER" } });
    const me = await call<MeBody>(getMe, { as: user, via: "cookie" });
    expect(me.status).toBe(200);
    expect(me.body.user.role).toBe("APPROVER");
  });

  it("signs out a deactivated user at once", async () => {
    const user = await createTestUser("ENGINEER");
    await prisma.user.update({ where: { id: user.id }, data: { active: false } });
    expect((await call(getMe, { as: user, via: "cookie" })).status).toBe(401);
  });

  it("ignores a session token signed with another secret or for an unknown user", async () => {
    const otherSecret = await encode({ token: { sub: viewer.id }, secret: "a different secret entirely" });
    expect(await resolveActor({ sessionToken: otherSecret })).toBeNull();
    const unknownUser = (await sessionCookie("00000000-0000-4000-8000-000000000000")).split("=")[1];
    expect(await resolveActor({ sessionToken: unknownUser })).toBeNull();
    expect(await resolveActor({ sessionToken: "garbage" })).toBeNull();
  });

  it("answers 401 with no credentials at all", async () => {
    const response = await call(getMe);
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe("UNAUTHENTICATED");
  });
});

describe("sign-in with email and password", () => {
  const password = "correct horse battery staple";

  async function userWithPassword(): Promise<string> {
    const email = `signin-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@test.local`;
    await prisma.user.create({ data: { email, name: "Sign-in tester", role: "ENGINEER", passwordHash: await hashPassword(password) } });
    return email;
  }

  function postCredentials(email: string, address: string) {
    return signInPost(
      new Request("http://lc.test/api/auth/callback/credentials", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": address },
        body: new URLSearchParams({ email, password: "wrong", csrfToken: "x" }).toString(),
      }),
      { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) },
    );
  }

  it("accepts the right password and refuses a wrong one or an inactive user", async () => {
    const email = await userWithPassword();
    expect(await authorizeCredentials({ email, password }, {})).toMatchObject({ email });
    expect(await authorizeCredentials({ email: email.toUpperCase(), password }, {})).toMatchObject({ email });
    expect(await authorizeCredentials({ email, password: "wrong password!" }, {})).toBeNull();
    await prisma.user.update({ where: { email }, data: { active: false } });
    expect(await authorizeCredentials({ email, password }, {})).toBeNull();
  });

  it("locks an email after 5 failures: even the right password is refused and the route answers 429", async () => {
    const email = await userWithPassword();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(await authorizeCredentials({ email, password: "wrong password!" }, { "x-forwarded-for": `10.0.0.${attempt}` })).toBeNull();
    }
    expect(await authorizeCredentials({ email, password }, { "x-forwarded-for": "10.0.1.1" })).toBeNull();

    const response = await postCredentials(email, "10.0.2.2");
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await response.json()) as { error: { code: string; details: { retryAfterSeconds: number } }; url: string };
    expect(body.error.code).toBe("RATE_LIMITED");
    expect(new URL(body.url).searchParams.get("error")).toBe("RateLimited");
    expect(body.error.details.retryAfterSeconds).toBeGreaterThan(800);
  });

  it("locks a client address after 5 failures across different emails", async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await authorizeCredentials({ email: `nobody-${attempt}@test.local`, password: "wrong password!" }, { "x-forwarded-for": "192.0.2.77" });
    }
    expect((await postCredentials("someone-else@test.local", "192.0.2.77")).status).toBe(429);
  });
});
