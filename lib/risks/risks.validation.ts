import { z } from "zod";
import { localizedText } from "@/lib/http/common.validation";

export const riskStatusSchema = z.enum(["open", "mitigated", "accepted", "closed"]).meta({ id: "RiskStatus" });
export const riskParams = z.strictObject({ releaseId: z.uuid(), riskId: z.uuid() });

const scale = z.int().min(1).max(5);

export const riskSchema = z
  .object({
    id: z.uuid(),
    key: z.string(),
    position: z.int(),
    title: localizedText,
    impact: localizedText.meta({ description: "What happens if the risk occurs" }),
    mitigation: localizedText,
    severity: z.int().meta({ description: "Impact score 1–5" }),
    likelihood: z.int().meta({ description: "Likelihood score 1–5" }),
    score: z.int().meta({ description: "severity × likelihood, 1–25" }),
    status: riskStatusSchema,
    owner: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    linkedItems: z.array(z.object({ key: z.string(), title: localizedText, status: z.string() })),
    version: z.int(),
  })
  .meta({ id: "Risk" });
export type RiskDto = z.infer<typeof riskSchema>;

export const riskListResponse = z.object({ risks: z.array(riskSchema) });
export const riskResponse = z.object({ risk: riskSchema });

// People write in one language; the other side is filled with the same text
// until someone translates it.
const text = (max: number) =>
  z
    .strictObject({ ko: z.string().trim().max(max).optional(), en: z.string().trim().max(max).optional() })
    .refine((value) => Boolean(value.ko || value.en), { message: "Give the text in Korean, English or both" });

const itemKeys = z.array(z.string().min(1).max(120)).max(50).meta({ description: "Keys of this release's checklist items" });

export const createRiskBody = z
  .strictObject({
    title: text(200),
    impact: text(2000).optional(),
    mitigation: text(2000).optional(),
    severity: scale,
    likelihood: scale,
    status: riskStatusSchema.default("open"),
    ownerId: z.uuid().nullable().optional(),
    linkedItemKeys: itemKeys.default([]),
  })
  .meta({ id: "CreateRisk" });
export type CreateRiskInput = z.infer<typeof createRiskBody>;

export const updateRiskBody = z
  .strictObject({
    version: z.int().min(1),
    title: text(200).optional(),
    impact: text(2000).optional(),
    mitigation: text(2000).optional(),
    severity: scale.optional(),
    likelihood: scale.optional(),
    status: riskStatusSchema.optional(),
    ownerId: z.uuid().nullable().optional(),
    linkedItemKeys: itemKeys.optional(),
  })
  .refine((body) => Object.keys(body).some((key) => key !== "version"), { message: "Change at least one field besides version" })
  .meta({ id: "UpdateRisk" });
export type UpdateRiskInput = z.infer<typeof updateRiskBody>;
export type LocalizedPatch = { ko?: string; en?: string };
