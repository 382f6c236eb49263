import { z } from "zod";
import { minPasswordLength } from "@/lib/auth/password";
import { isoDateTime, roleSchema } from "@/lib/http/common.validation";

export const userParams = z.strictObject({ userId: z.uuid() });

export const createUserBody = z.strictObject({
  email: z.email().max(320).transform((email) => email.toLowerCase()),
  name: z.string().trim().min(1).max(200),
  role: roleSchema,
  password: z.string().min(minPasswordLength).max(1024).optional().meta({ description: "Omit for users who sign in with OIDC only" }),
});
export type CreateUserInput = z.infer<typeof createUserBody>;

export const updateUserBody = z
  .strictObject({
    version: z.int().min(1),
    role: roleSchema.optional(),
    active: z.boolean().optional(),
    name: z.string().trim().min(1).max(200).optional(),
  })
  .refine((body) => Object.keys(body).some((key) => key !== "version"), { message: "Change at least one field besides version" });
export type UpdateUserInput = z.infer<typeof updateUserBody>;

// What everyone may see (the assignee picker) and what admins see.
export const userSummarySchema = z.object({ id: z.uuid(), name: z.string(), email: z.string(), role: roleSchema }).meta({ id: "UserSummary" });
export const adminUserSchema = userSummarySchema
  .extend({ active: z.boolean(), createdAt: isoDateTime, version: z.int() })
  .meta({ id: "User" });
export type UserSummary = z.infer<typeof userSummarySchema>;
export type AdminUser = z.infer<typeof adminUserSchema>;

export const userListResponse = z.object({ users: z.array(z.union([adminUserSchema, userSummarySchema])) });
export const userResponse = z.object({ user: adminUserSchema });
