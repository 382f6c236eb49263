import { permissions, can, type Permission } from "@/lib/auth/permissions";
import { route } from "@/lib/http/handler";

export const GET = route({}, async ({ user }) => ({
  user: { id: user.id, email: user.email, name: user.name, role: user.role },
  permissions: (Object.keys(permissions) as Permission[]).filter((permission) => can(user.role, permission)),
}));
