import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { prisma } from "@/lib/db/client";
import { demoEmail, demoVersion, seedDemo } from "./seed-demo";

const quiet = { log: () => undefined };
const savedEnv = { DEMO_USERS: process.env.DEMO_USERS, DEMO_PASSWORD: process.env.DEMO_PASSWORD };
const demoUsers = { email: { endsWith: "@demo.launch-control.local" } };

function restoreEnv(): void {
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
}

// The integration database is shared by the files of a run; start each test
// from no demo data so the "first start" is really the first.
async function removeDemo(): Promise<void> {
  await prisma.release.deleteMany({ where: { version: demoVersion } });
  await prisma.user.deleteMany({ where: demoUsers });
}

describe("seedDemo", () => {
  beforeEach(async () => {
    await removeDemo();
    delete process.env.DEMO_USERS;
    delete process.env.DEMO_PASSWORD;
  });
  afterEach(restoreEnv);

  it("creates the demo release once, however often and however concurrently it runs", async () => {
    const first = await seedDemo(quiet);
    const again = await Promise.all([seedDemo(quiet), seedDemo(quiet), seedDemo(quiet)]);
    expect(first.created).toBe(true);
    expect(again.map((r) => r.created)).toEqual([false, false, false]);
    expect(new Set(again.map((r) => r.releaseId))).toEqual(new Set([first.releaseId]));
    expect(await prisma.release.count({ where: { version: demoVersion } })).toBe(1);
  });

  it("fills the release with the whole plan in both languages", async () => {
    const { releaseId } = await seedDemo(quiet);
    const release = await prisma.release.findUniqueOrThrow({
      where: { id: releaseId },
      include: { sections: { include: { items: true } }, phases: { include: { tasks: true } }, teams: true, criteria: true, risks: true },
    });
    expect(release).toMatchObject({ isDemo: true, timezone: "Asia/Seoul", templateKey: "ga-release", status: "planned" });
    expect(release.sections).toHaveLength(4);
    expect(release.sections.flatMap((s) => s.items)).toHaveLength(15);
    expect(release.phases.filter((p) => p.kind === "deployment")).toHaveLength(6);
    expect(release.phases.filter((p) => p.kind === "post_deployment")).toHaveLength(3);
    expect(release.phases.every((p) => p.tasks.length >= 3)).toBe(true);
    expect(release.teams).toHaveLength(7);
    expect(release.criteria.filter((c) => c.kind === "rollback")).toHaveLength(4);
    expect(release.criteria.filter((c) => c.kind === "success")).toHaveLength(5);
    expect(release.risks).toHaveLength(4);
    expect(release.goalsKo).toHaveLength(4);
    expect(release.goalsEn).toHaveLength(4);
    expect(release.rollbackProcedureKo).toHaveLength(4);
    expect(release.afterRollbackEn).toHaveLength(3);
    expect(release.overviewKo).toContain("정식 버전 배포");
  });

  it("dates the release as the plan does: launch night 03:00-09:00 Seoul time", async () => {
    const { releaseId } = await seedDemo(quiet);
    const release = await prisma.release.findUniqueOrThrow({ where: { id: releaseId }, include: { phases: true } });
    expect(release.windowStart.toISOString()).toBe("2025-06-30T18:00:00.000Z");
    expect(release.windowEnd.toISOString()).toBe("2025-07-01T00:00:00.000Z");
    const startOf = (key: string) => release.phases.find((p) => p.key === key)?.startsAt.toISOString();
    expect(startOf("advance-notice")).toBe("2025-06-28T00:00:00.000Z");
    expect(startOf("preparation")).toBe("2025-06-30T00:00:00.000Z");
    expect(startOf("blue-green")).toBe("2025-06-30T18:00:00.000Z");
    expect(startOf("db-migration")).toBe("2025-06-30T18:30:00.000Z");
    expect(startOf("verification")).toBe("2025-06-30T19:00:00.000Z");
    expect(startOf("launch-announcement")).toBe("2025-07-01T00:00:00.000Z");
    expect(startOf("stabilisation-patch")).toBe("2025-07-08T00:00:00.000Z");
    expect(release.phases.find((p) => p.key === "stabilisation")?.endsAt?.toISOString()).toBe("2025-07-02T18:00:00.000Z");
  });

  it("records the creation in the audit trail as the first event of the release", async () => {
    const { releaseId } = await seedDemo(quiet);
    await seedDemo(quiet);
    const events = await prisma.auditEvent.findMany({ where: { releaseId } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "release.created", seq: 1, actorId: null, actorLabel: "system", via: "system" });
    const release = await prisma.release.findUniqueOrThrow({ where: { id: releaseId } });
    expect(release.eventSeq).toBe(1);
  });

  it("creates one demo user per role with a generated password returned only the first time", async () => {
    const first = await seedDemo(quiet);
    const second = await seedDemo(quiet);
    expect(first.demoPassword).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect(second.demoPassword).toBeUndefined();

    const users = await prisma.user.findMany({ where: demoUsers });
    expect(users.map((u) => u.role).sort()).toEqual(["ADMIN", "APPROVER", "ENGINEER", "MARKETING", "RELEASE_MANAGER", "VIEWER"]);
    const admin = users.find((u) => u.email === demoEmail("ADMIN"));
    expect(await verifyPassword(first.demoPassword ?? "", admin?.passwordHash ?? "")).toBe(true);
    const audited = await prisma.auditEvent.findMany({ where: { action: "user.created", subjectId: { in: users.map((u) => u.id) } } });
    expect(audited).toHaveLength(6);
  });

  it("uses DEMO_PASSWORD without echoing it, and skips users when DEMO_USERS=0", async () => {
    process.env.DEMO_USERS = "0";
    await seedDemo(quiet);
    expect(await prisma.user.count({ where: demoUsers })).toBe(0);

    process.env.DEMO_USERS = "1";
    process.env.DEMO_PASSWORD = "a-configured-demo-password";
    const result = await seedDemo(quiet);
    expect(result.demoPassword).toBeUndefined();
    const viewer = await prisma.user.findUniqueOrThrow({ where: { email: demoEmail("VIEWER") } });
    expect(await verifyPassword("a-configured-demo-password", viewer.passwordHash ?? "")).toBe(true);
  });

  it("refuses a DEMO_PASSWORD that breaks the password policy", async () => {
    process.env.DEMO_PASSWORD = "short";
    await expect(seedDemo(quiet)).rejects.toThrow(/DEMO_PASSWORD/);
  });
});
