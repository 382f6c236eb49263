import type { Role } from "@/lib/auth/permissions";
import type { AdminUser } from "./users.validation";

export const adminUserSelect = { id: true, name: true, email: true, role: true, active: true, createdAt: true, version: true } as const;

export function toAdminUser(row: { id: string; name: string; email: string; role: Role; active: boolean; createdAt: Date; version: number }): AdminUser {
  return { ...row, createdAt: row.createdAt.toISOString() };
}
