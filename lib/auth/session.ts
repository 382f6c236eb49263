import { decode } from "next-auth/jwt";
import type { Role } from "./permissions";
import { loadActiveUser } from "./load-user";
import { authenticateBearer } from "./tokens";

// Shared by route handlers and the socket.io handshake in server.ts, so it
// must not import anything that only works inside a Next.js request.
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  via: "session" | "token";
}

export const sessionCookieNames = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

// A bearer token, when present, is the only credential considered: a script
// with a bad token must fail rather than silently act as a browser session.
export async function resolveActor(credentials: {
  sessionToken?: string | null;
  bearerToken?: string | null;
}): Promise<AuthUser | null> {
  if (credentials.bearerToken) return authenticateBearer(credentials.bearerToken);
  if (!credentials.sessionToken) return null;
  const userId = await userIdFromSessionToken(credentials.sessionToken);
  return userId ? loadActiveUser(userId, "session") : null;
}

// next-auth splits a session token larger than a cookie into `name.0`,
// `name.1`, …; the token is their values joined in suffix order.
export function sessionTokenFromCookieHeader(cookieHeader: string | undefined | null): string | null {
  if (!cookieHeader) return null;
  const cookies = parseCookieHeader(cookieHeader);
  for (const name of sessionCookieNames) {
    const whole = cookies.get(name);
    if (whole) return whole;
    const chunks: { index: number; value: string }[] = [];
    for (const [cookieName, value] of cookies) {
      const match = cookieName.startsWith(`${name}.`) ? /^\d+$/.exec(cookieName.slice(name.length + 1)) : null;
      if (match) chunks.push({ index: Number(match[0]), value });
    }
    if (chunks.length > 0) {
      return chunks
        .sort((a, b) => a.index - b.index)
        .map((chunk) => chunk.value)
        .join("");
    }
  }
  return null;
}

export function bearerTokenFromAuthorization(header: string | null | undefined): string | null {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1] ?? null;
}

async function userIdFromSessionToken(sessionToken: string): Promise<string | null> {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) return null;
  try {
    const payload = await decode({ token: sessionToken, secret });
    return typeof payload?.sub === "string" ? payload.sub : null;
  } catch {
    // Tampered, expired or signed with another secret: not signed in.
    return null;
  }
}

function parseCookieHeader(header: string): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index <= 0) continue;
    const name = part.slice(0, index).trim();
    const raw = part.slice(index + 1).trim().replace(/^"(.*)"$/, "$1");
    if (!cookies.has(name)) cookies.set(name, safeDecode(raw));
  }
  return cookies;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
