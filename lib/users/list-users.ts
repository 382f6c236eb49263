import { can } from "@/lib/auth/permissions";
import type { AuthUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { adminUserSelect, toAdminUser } from "./user-dto";
import type { AdminUser, UserSummary } from "./users.validation";

// Everyone needs the active users for the assignee picker; only admins see
// inactive accounts and the bookkeeping fields.
export async function listUsers(viewer: AuthUser): Promise<AdminUser[] | UserSummary[]> {
  if (can(viewer.role, "user.list")) {
    const rows = await prisma.user.findMany({ select: adminUserSelect, orderBy: [{ name: "asc" }, { email: "asc" }] });
    return rows.map(toAdminUser);
  }
  return prisma.user.findMany({
    where: { active: true },
    select: { id: true, name: true, email: true, role: true },
    orderBy: [{ name: "asc" }, { email: "asc" }],
  });
}
