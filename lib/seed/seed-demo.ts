import { randomBytes } from "node:crypto";
import { mutate, type Actor } from "@/lib/audit/mutate";
import { passwordPolicyError, hashPassword } from "@/lib/auth/password";
import { roles, type Role } from "@/lib/auth/permissions";
import type { Tx } from "@/lib/db/client";
import { createReleaseFromTemplate } from "@/lib/template/create-release";
import { gaReleaseTemplate } from "@/lib/template/load-template";

export const demoVersion = "v1.0.0";
// The plan's launch: 2025-07-01 03:00 in Seoul, the quietest hour of the service.
export const demoLaunchAt = new Date("2025-07-01T03:00:00+09:00");
export const demoTimezone = "Asia/Seoul";
export const demoEmailDomain = "demo.launch-control.local";

const systemActor: Actor = { userId: null, label: "system", via: "system" };

const demoLocalPart: Record<Role, string> = {
  ADMIN: "admin",
  RELEASE_MANAGER: "rm",
  APPROVER: "approver",
  ENGINEER: "engineer",
  MARKETING: "marketing",
  VIEWER: "viewer",
};

export function demoEmail(role: Role): string {
  return `${demoLocalPart[role]}@${demoEmailDomain}`;
}

// Runs at every start: creates the demo release and the demo users the first
// time only. Several instances may start together; a transaction-scoped
// advisory lock lets exactly one of them create anything.
export async function seedDemo(
  opts: { log?: (msg: string) => void } = {},
): Promise<{ created: boolean; releaseId: string; demoPassword?: string }> {
  const log = opts.log ?? ((msg: string) => console.log(msg));
  const release = await seedDemoRelease();
  if (release.created) log(`created demo release ${demoVersion}`);

  let demoPassword: string | undefined;
  if (process.env.DEMO_USERS !== "0") {
    const users = await seedDemoUsers();
    if (users.created.length > 0) log(`created demo users: ${users.created.join(", ")}`);
    // A password the operator chose is not echoed back into the logs.
    if (users.created.length > 0 && users.generated) demoPassword = users.password;
  }
  return { created: release.created, releaseId: release.id, demoPassword };
}

async function seedDemoRelease(): Promise<{ created: boolean; id: string }> {
  return mutate(systemActor, async ({ tx, audit }) => {
    await lockSeed(tx);
    const existing = await tx.release.findUnique({ where: { version: demoVersion }, select: { id: true } });
    if (existing) return { created: false, id: existing.id };
    const { id } = await createReleaseFromTemplate(tx, gaReleaseTemplate, {
      version: demoVersion,
      launchAt: demoLaunchAt,
      timezone: demoTimezone,
      isDemo: true,
    });
    await audit({
      releaseId: id,
      action: "release.created",
      subjectType: "Release",
      subjectId: id,
      after: { version: demoVersion, templateKey: gaReleaseTemplate.key, isDemo: true, launchAt: demoLaunchAt.toISOString() },
    });
    return { created: true, id };
  });
}

async function seedDemoUsers(): Promise<{ created: string[]; password: string; generated: boolean }> {
  const configured = process.env.DEMO_PASSWORD;
  if (configured !== undefined) {
    const problem = passwordPolicyError(configured);
    if (problem) throw new Error(`DEMO_PASSWORD is not acceptable: ${problem}`);
  }
  const password = configured ?? randomBytes(18).toString("base64url");
  // Hashed outside the transaction: scrypt is slow and needs no lock.
  const passwordHash = await hashPassword(password);

  const created = await mutate(systemActor, async ({ tx, audit }) => {
    await lockSeed(tx);
    const emails = roles.map(demoEmail);
    const existing = await tx.user.findMany({ where: { email: { in: emails } }, select: { email: true } });
    const taken = new Set(existing.map((user) => user.email));
    const made: string[] = [];
    for (const role of roles) {
      const email = demoEmail(role);
      if (taken.has(email)) continue;
      const user = await tx.user.create({
        data: { email, name: `Demo ${role.toLowerCase().replace("_", " ")}`, role, passwordHash },
        select: { id: true },
      });
      await audit({ releaseId: null, action: "user.created", subjectType: "User", subjectId: user.id, after: { email, role } });
      made.push(email);
    }
    return made;
  });
  return { created, password, generated: configured === undefined };
}

async function lockSeed(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('launch-control:seed-demo'))`;
}
