import { beforeAll, describe, expect, it } from "vitest";
import { GET, PUT } from "@/app/api/v1/releases/[releaseId]/settings/[key]/route";
import { encryptSecrets } from "@/lib/config/secrets";
import { prisma } from "@/lib/db/client";
import { driverForRelease } from "@/lib/drivers/create-driver";
import { call, createTestRelease, createTestUser, type ErrorBody, type TestUser } from "@/test/api-fixtures";
import { getReleaseSettings } from "./get-settings";
import type { SettingView } from "./settings.validation";

const signingSecret = "whsec-integration-9b2f41";
const webhook = { kind: "webhook", url: "https://deploy.example.com/hooks/traffic", timeoutMs: 3000 };
const haproxy = { kind: "haproxy", address: "unix:/run/haproxy/admin.sock", backend: "app", blueServer: "blue", greenServer: "green" };

let manager: TestUser;
let engineer: TestUser;
let viewer: TestUser;
let releaseId: string;

beforeAll(async () => {
  manager = await createTestUser("RELEASE_MANAGER");
  engineer = await createTestUser("ENGINEER");
  viewer = await createTestUser("VIEWER");
  ({ releaseId } = await createTestRelease());
});

function get(key: string, as: TestUser = engineer, release = releaseId) {
  return call<SettingView>(GET, { params: { releaseId: release, key }, as });
}

function put(key: string, body: unknown, as: TestUser = manager, release = releaseId) {
  return call<SettingView>(PUT, { method: "PUT", params: { releaseId: release, key }, body, as });
}

describe("release settings API", () => {
  it("shows the default driver (simulated, version 0) while nothing is saved", async () => {
    const response = await get("driver.production");
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ key: "driver.production", settings: { kind: "simulated" }, secretsSet: [], version: 0 });
    expect((await driverForRelease(releaseId, "production")).kind).toBe("simulated");
  });

  it("refuses a webhook driver until its signing secret is given", async () => {
    const response = await call<ErrorBody>(PUT, { method: "PUT", params: { releaseId, key: "driver.production" }, body: { settings: webhook }, as: manager });
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual([expect.objectContaining({ path: ["secrets", "signingSecret"], message: "Required: this secret is not set yet" })]);
  });

  it("saves settings and secrets, answers which secrets are set, never their values", async () => {
    const response = await put("driver.production", { settings: webhook, secrets: { signingSecret } });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ key: "driver.production", settings: webhook, secretsSet: ["signingSecret"], version: 1 });
    expect(JSON.stringify(response.body)).not.toContain(signingSecret);
    expect(JSON.stringify((await get("driver.production")).body)).not.toContain(signingSecret);

    const row = await prisma.releaseSetting.findUniqueOrThrow({ where: { releaseId_key: { releaseId, key: "driver.production" } } });
    expect(row.secrets).toMatch(/^v1:/);
    expect(row.secrets).not.toContain(signingSecret);
    expect(await getReleaseSettings(releaseId, "driver.production")).toEqual({ settings: webhook, secrets: { signingSecret }, version: 1 });
    expect((await driverForRelease(releaseId, "production")).kind).toBe("webhook");
  });

  it("audits settings.updated with the secret's name and without its value", async () => {
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { releaseId, action: "settings.updated" }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({
      actorId: manager.id,
      subjectType: "ReleaseSetting",
      before: null,
      after: { key: "driver.production", settings: webhook, secretsSet: ["signingSecret"], secretsChanged: ["signingSecret"], version: 1 },
    });
    expect(JSON.stringify({ before: event.before, after: event.after })).not.toContain(signingSecret);
  });

  it("keeps secrets that are not resent", async () => {
    const response = await put("driver.production", { settings: { ...webhook, timeoutMs: 5000 }, version: 1 });
    expect(response.body).toMatchObject({ secretsSet: ["signingSecret"], version: 2 });
    expect((await getReleaseSettings(releaseId, "driver.production"))?.secrets).toEqual({ signingSecret });
  });

  it("answers 409 with the current settings to a stale version or a second create", async () => {
    for (const version of [1, undefined]) {
      const response = await call<{ error: { code: string; details: { current: SettingView } } }>(PUT, {
        method: "PUT",
        params: { releaseId, key: "driver.production" },
        body: { settings: webhook, version },
        as: manager,
      });
      expect(response.status).toBe(409);
      expect(response.body.error.code).toBe("VERSION_CONFLICT");
      expect(response.body.error.details.current).toMatchObject({ version: 2, secretsSet: ["signingSecret"] });
    }
  });

  it("lets exactly one of two concurrent first saves win", async () => {
    const { releaseId: fresh } = await createTestRelease();
    const results = await Promise.all([put("driver.rehearsal", { settings: haproxy }, manager, fresh), put("driver.rehearsal", { settings: { kind: "simulated" } }, manager, fresh)]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 409]);
  });

  it("validates settings with the key's schema and names the field", async () => {
    const response = await call<ErrorBody>(PUT, { method: "PUT", params: { releaseId, key: "driver.rehearsal" }, body: { settings: { ...haproxy, address: "haproxy:9999" } }, as: manager });
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual([expect.objectContaining({ path: ["settings", "address"] })]);
  });

  it("refuses secrets the configuration does not take", async () => {
    const response = await call<ErrorBody>(PUT, { method: "PUT", params: { releaseId, key: "driver.rehearsal" }, body: { settings: haproxy, secrets: { password: "x" } }, as: manager });
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual([expect.objectContaining({ path: ["secrets", "password"] })]);
  });

  it("drops secrets the new configuration no longer names", async () => {
    const response = await put("driver.production", { settings: haproxy, version: 2 });
    expect(response.body).toMatchObject({ settings: { ...haproxy, timeoutMs: 10_000 }, secretsSet: [], version: 3 });
    expect((await getReleaseSettings(releaseId, "driver.production"))?.secrets).toEqual({});
    expect((await driverForRelease(releaseId, "production")).kind).toBe("haproxy");
  });

  it("treats secrets sealed with another NEXTAUTH_SECRET as unset, and recovers when they are re-entered", async () => {
    const { releaseId: fresh } = await createTestRelease();
    expect((await put("driver.production", { settings: webhook, secrets: { signingSecret } }, manager, fresh)).status).toBe(200);
    const original = process.env.NEXTAUTH_SECRET;
    process.env.NEXTAUTH_SECRET = "an-older-secret-from-another-deployment-xx";
    const foreign = encryptSecrets({ signingSecret: "old" });
    process.env.NEXTAUTH_SECRET = original;
    await prisma.releaseSetting.update({ where: { releaseId_key: { releaseId: fresh, key: "driver.production" } }, data: { secrets: foreign } });

    expect((await get("driver.production", engineer, fresh)).body.secretsSet).toEqual([]);
    await expect(getReleaseSettings(fresh, "driver.production")).rejects.toThrow(/different NEXTAUTH_SECRET/);
    const resaved = await put("driver.production", { settings: webhook, secrets: { signingSecret }, version: 1 }, manager, fresh);
    expect(resaved.body).toMatchObject({ secretsSet: ["signingSecret"], version: 2 });
  });

  it("answers 404 for an unknown key or release", async () => {
    expect((await get("simulation.state")).status).toBe(404);
    expect((await get("driver.production", engineer, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await put("driver.production", { settings: haproxy }, manager, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });

  it("lets engineers read but not write, and viewers do neither", async () => {
    expect((await get("driver.production", viewer)).status).toBe(403);
    expect((await put("driver.production", { settings: haproxy, version: 3 }, engineer)).status).toBe(403);
  });
});
