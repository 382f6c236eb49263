import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { loadActiveUser } from "./load-user";
import { oidcProvider, userIdForOidc } from "./oidc";
import { hashPassword, verifyPassword } from "./password";
import type { Role } from "./permissions";
import { clearSignInFailures, clientAddress, recordSignInFailure, signInThrottleState, throttleKeys } from "./throttle";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; role: Role };
  }
}

const credentialsSchema = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) });

// Compared against when the email is unknown, so a miss costs as long as a
// wrong password and does not reveal which emails have accounts.
const decoyHash = hashPassword("decoy password that never matches");

export async function authorizeCredentials(
  credentials: Record<string, string> | undefined,
  headers: Record<string, string | string[] | undefined> | undefined,
): Promise<{ id: string; email: string; name: string } | null> {
  const parsed = credentialsSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const email = parsed.data.email.toLowerCase();
  const keys = throttleKeys(email, clientAddress(headers ?? {}));
  if ((await signInThrottleState(keys)).locked) return null;
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, active: true },
  });
  const matches = await verifyPassword(parsed.data.password, user?.passwordHash ?? (await decoyHash));
  if (!user || !user.passwordHash || !matches || !user.active) {
    await recordSignInFailure(keys);
    return null;
  }
  await clearSignInFailures(email);
  return { id: user.id, email: user.email, name: user.name };
}

export function buildAuthOptions(): AuthOptions {
  const oidc = oidcProvider();
  return {
    secret: process.env.NEXTAUTH_SECRET,
    session: { strategy: "jwt" },
    // Errors land on our sign-in page as ?error=…, in the user's language.
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: (credentials, req) => authorizeCredentials(credentials, req.headers),
      }),
      ...(oidc ? [oidc] : []),
    ],
    callbacks: {
      async signIn({ user, account }) {
        if (account?.provider !== "oidc") return true;
        return (await userIdForOidc(account.providerAccountId, user.email ?? null, user.name ?? null)) !== null;
      },
      // The token carries only the user id; role and active are read from the
      // database on every request (lib/auth/session.ts).
      async jwt({ token, user, account }) {
        if (account?.provider === "oidc") {
          const linked = await prisma.user.findUnique({ where: { oidcSubject: account.providerAccountId }, select: { id: true } });
          if (linked) token.sub = linked.id;
        } else if (user) {
          token.sub = user.id;
        }
        return token;
      },
      async session({ session, token }) {
        const user = token.sub ? await loadActiveUser(token.sub, "session") : null;
        if (user) session.user = { id: user.id, email: user.email, name: user.name, role: user.role };
        return session;
      },
    },
  };
}

export const authOptions: AuthOptions = buildAuthOptions();
