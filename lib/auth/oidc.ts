import type { Provider } from "next-auth/providers/index";
import { mutate } from "@/lib/audit/mutate";
import { prisma } from "@/lib/db/client";
import { isRole, type Role } from "./permissions";

const oidcActor = { userId: null, label: "oidc", via: "system" } as const;

interface OidcProfile {
  sub: string;
  email?: string;
  name?: string;
  preferred_username?: string;
}

// Enabled only when all three variables are set, so a half-configured
// provider never shows a broken button.
export function oidcProvider(): Provider | null {
  const issuer = process.env.OIDC_ISSUER;
  const clientId = process.env.OIDC_CLIENT_ID;
  const clientSecret = process.env.OIDC_CLIENT_SECRET;
  if (!issuer || !clientId || !clientSecret) return null;
  return {
    id: "oidc",
    name: process.env.OIDC_NAME ?? "SSO",
    type: "oauth",
    wellKnown: `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId,
    clientSecret,
    idToken: true,
    checks: ["pkce", "state"],
    authorization: { params: { scope: "openid email profile" } },
    profile(profile: OidcProfile) {
      return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? profile.preferred_username ?? profile.email ?? null };
    },
  };
}

export function oidcDefaultRole(): Role {
  const role = process.env.OIDC_DEFAULT_ROLE;
  return isRole(role) ? role : "VIEWER";
}

// Finds the local user for an OIDC identity: by subject, else by email (and
// links the subject), else creates one with the default role. Returns null
// for a deactivated user or an identity without an email.
export async function userIdForOidc(subject: string, email: string | null, name: string | null): Promise<string | null> {
  const bySubject = await prisma.user.findUnique({ where: { oidcSubject: subject }, select: { id: true, active: true } });
  if (bySubject) return bySubject.active ? bySubject.id : null;
  if (!email) return null;
  const normalizedEmail = email.trim().toLowerCase();
  return mutate(oidcActor, async ({ tx, audit }) => {
    const byEmail = await tx.user.findUnique({ where: { email: normalizedEmail }, select: { id: true, active: true } });
    if (byEmail) {
      if (!byEmail.active) return null;
      await tx.user.update({ where: { id: byEmail.id }, data: { oidcSubject: subject, version: { increment: 1 } } });
      await audit({ releaseId: null, action: "user.updated", subjectType: "User", subjectId: byEmail.id, before: { oidcSubject: null }, after: { oidcSubject: subject } });
      return byEmail.id;
    }
    const role = oidcDefaultRole();
    const created = await tx.user.create({
      data: { email: normalizedEmail, name: name ?? normalizedEmail, role, oidcSubject: subject },
      select: { id: true },
    });
    await audit({ releaseId: null, action: "user.created", subjectType: "User", subjectId: created.id, after: { email: normalizedEmail, role, via: "oidc" } });
    return created.id;
  });
}
