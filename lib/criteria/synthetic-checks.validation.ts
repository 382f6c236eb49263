import { z } from "zod";
import { isoDateTime } from "@/lib/http/common.validation";

export const syntheticCheckParams = z.strictObject({ releaseId: z.uuid(), checkId: z.uuid() });

const fields = {
  name: z.string().trim().min(1).max(200),
  url: z.url({ protocol: /^https?$/ }).max(2000).meta({ description: "Fetched with GET, redirects not followed", example: "https://green.example.com/api/health" }),
  expectStatus: z.int().min(100).max(599),
  expectBody: z.string().min(1).max(500).nullable().meta({ description: "Text the response body must contain" }),
  intervalSec: z.int().min(10).max(86_400),
};

export const createSyntheticCheckBody = z.strictObject({
  key: z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, "keys are lowercase words joined by '.' or '-'").max(100),
  ...fields,
  expectStatus: fields.expectStatus.default(200),
  expectBody: fields.expectBody.default(null),
  intervalSec: fields.intervalSec.default(60),
});
export type CreateSyntheticCheckInput = z.infer<typeof createSyntheticCheckBody>;

export const updateSyntheticCheckBody = z
  .strictObject({ version: z.int().min(1).meta({ description: "The version you last saw; a stale one gets 409" }), ...z.object(fields).partial().shape })
  .refine((body) => Object.keys(body).some((key) => key !== "version"), { message: "Change at least one field besides version" });
export type UpdateSyntheticCheckInput = z.infer<typeof updateSyntheticCheckBody>;

export const deleteSyntheticCheckQuery = z.strictObject({ version: z.coerce.number().int().min(1) });

export const syntheticCheckSchema = z
  .object({
    id: z.uuid(),
    key: z.string(),
    name: z.string(),
    url: z.string(),
    expectStatus: z.int(),
    expectBody: z.string().nullable(),
    intervalSec: z.int(),
    lastRunAt: isoDateTime.nullable(),
    lastOk: z.boolean().nullable(),
    lastDetail: z.string().nullable(),
    version: z.int(),
  })
  .meta({ id: "SyntheticCheck" });
export type SyntheticCheckDto = z.infer<typeof syntheticCheckSchema>;

export const syntheticCheckListResponse = z.object({ checks: z.array(syntheticCheckSchema) });
export const syntheticCheckResponse = z.object({ check: syntheticCheckSchema });
