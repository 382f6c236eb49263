import { prisma } from "@/lib/db/client";
import type { AuthUser } from "./session";

// Every request reloads the user, so a role change or deactivation applies at
// once instead of when the session or token expires.
export async function loadActiveUser(id: string, via: AuthUser["via"]): Promise<AuthUser | null> {
  if (!isUuid(id)) return null;
  const user = await prisma.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, active: true },
  });
  if (!user?.active) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, via };
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
