import { z } from "zod";
import { isoDateTime } from "@/lib/http/common.validation";

export const createTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type CreateTokenInput = z.infer<typeof createTokenBody>;

export const tokenParams = z.strictObject({ tokenId: z.uuid() });

export const apiTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().meta({ description: "First 10 characters of the secret, to recognise it" }),
    createdAt: isoDateTime,
    lastUsedAt: isoDateTime.nullable(),
    expiresAt: isoDateTime.nullable(),
    revokedAt: isoDateTime.nullable(),
  })
  .meta({ id: "ApiToken" });
export type ApiTokenDto = z.infer<typeof apiTokenSchema>;
