import { z } from "zod";

// Building blocks shared by the request and response schemas of every route;
// the OpenAPI document is generated from these same schemas.
export const isoDateTime = z.iso.datetime({ offset: true }).meta({ description: "ISO-8601 time, UTC", example: "2026-05-01T09:00:00.000Z" });

export const localizedText = z
  .object({ ko: z.string(), en: z.string() })
  .meta({ id: "LocalizedText", description: "Text in Korean and English" });

export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ example: "VALIDATION_FAILED" }),
      message: z.string(),
      details: z.unknown().meta({ description: "Machine-readable details; zod issues for VALIDATION_FAILED" }),
    }),
  })
  .meta({ id: "Error" });

export const roleSchema = z.enum(["ADMIN", "RELEASE_MANAGER", "APPROVER", "ENGINEER", "MARKETING", "VIEWER"]).meta({ id: "Role" });

export const releaseParams = z.strictObject({ releaseId: z.uuid() });
export const noParams = z.strictObject({});
