import { prisma } from "@/lib/db/client";

// Failed sign-ins are counted per email and per client address in Postgres,
// so the limit holds across instances. Throttle rows are bookkeeping, not a
// user's change, so they are not audited.
export const maxFailures = 5;
export const windowMinutes = 15;
export const lockMinutes = 15;

export interface ThrottleState {
  locked: boolean;
  retryAfterSeconds: number;
}

export function throttleKeys(email: string | null | undefined, clientAddress: string | null): string[] {
  const keys: string[] = [];
  if (email) keys.push(`email:${email.trim().toLowerCase()}`);
  if (clientAddress) keys.push(`ip:${clientAddress}`);
  return keys;
}

// The first X-Forwarded-For entry can be forged by a client; the per-email
// key still limits guessing at one account whatever address is claimed.
export function clientAddress(headers: Headers | Record<string, string | string[] | undefined>): string | null {
  const get = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const forwarded = get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || get("x-real-ip")?.trim() || null;
}

export async function signInThrottleState(keys: string[]): Promise<ThrottleState> {
  if (keys.length === 0) return { locked: false, retryAfterSeconds: 0 };
  const now = Date.now();
  const rows = await prisma.signInThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: new Date(now) } } });
  const until = Math.max(0, ...rows.map((row) => row.lockedUntil?.getTime() ?? 0));
  return until > now ? { locked: true, retryAfterSeconds: Math.ceil((until - now) / 1000) } : { locked: false, retryAfterSeconds: 0 };
}

// One statement per key, so concurrent failures cannot lose a count: a stale
// window restarts at 1, and reaching the limit sets the lock.
export async function recordSignInFailure(keys: string[]): Promise<void> {
  for (const key of keys) {
    await prisma.$executeRaw`
      INSERT INTO "SignInThrottle" ("key", "failures", "windowStart", "lockedUntil")
      VALUES (${key}, 1, now(), NULL)
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN "SignInThrottle"."windowStart" < now() - make_interval(mins => ${windowMinutes})
                          THEN 1 ELSE "SignInThrottle"."failures" + 1 END,
        "windowStart" = CASE WHEN "SignInThrottle"."windowStart" < now() - make_interval(mins => ${windowMinutes})
                             THEN now() ELSE "SignInThrottle"."windowStart" END,
        "lockedUntil" = CASE
          WHEN "SignInThrottle"."windowStart" >= now() - make_interval(mins => ${windowMinutes})
               AND "SignInThrottle"."failures" + 1 >= ${maxFailures}
          THEN now() + make_interval(mins => ${lockMinutes})
          ELSE "SignInThrottle"."lockedUntil" END`;
  }
}

// A successful sign-in clears the account's count; the address count stays,
// so one valid account cannot be used to reset guessing at others.
export async function clearSignInFailures(email: string): Promise<void> {
  await prisma.signInThrottle.deleteMany({ where: { key: { in: throttleKeys(email, null) } } });
}
