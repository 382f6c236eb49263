import { z } from "zod";
import { isoDateTime, localizedText } from "@/lib/http/common.validation";

export const phaseStatusSchema = z.enum(["pending", "running", "done", "skipped", "failed"]).meta({ id: "PhaseStatus" });
export type PhaseStatusValue = z.infer<typeof phaseStatusSchema>;

export const phaseParams = z.strictObject({ releaseId: z.uuid(), phaseId: z.uuid() });

export const phaseSchema = z
  .object({
    id: z.uuid(),
    key: z.string(),
    position: z.int(),
    kind: z.enum(["deployment", "post_deployment"]),
    title: localizedText,
    ownerTeams: z.array(z.string()),
    dependsOn: z.array(z.string()).meta({ description: "Keys of the phases this one follows" }),
    startsAt: isoDateTime,
    endsAt: isoDateTime.nullable(),
    status: phaseStatusSchema.meta({ description: "Follows the release's operations where one exists for the phase (cutover, migration)" }),
    plannedStatus: phaseStatusSchema.meta({ description: "The status as last set by hand" }),
    tasks: z.array(z.object({ id: z.uuid(), title: localizedText, done: z.boolean() })),
    version: z.int(),
  })
  .meta({ id: "Phase" });
export type PhaseDto = z.infer<typeof phaseSchema>;

export const phaseListResponse = z.object({ phases: z.array(phaseSchema) });
export const phaseResponse = z.object({
  phase: phaseSchema,
  shifted: z.array(phaseSchema).meta({ description: "Dependent phases moved along (shiftDependents)" }),
});

const key = z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/).max(60);

export const updatePhaseBody = z
  .strictObject({
    version: z.int().min(1).meta({ description: "The version you last saw; a stale one gets 409" }),
    startsAt: isoDateTime.optional(),
    endsAt: isoDateTime.nullable().optional(),
    title: z.strictObject({ ko: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) }).optional(),
    ownerTeams: z.array(key).min(1).max(20).optional().meta({ description: "Team keys of this release" }),
    status: phaseStatusSchema.optional(),
    shiftDependents: z
      .boolean()
      .default(false)
      .meta({ description: "Move the phases that depend on this one (transitively) by the same amount, in the same transaction" }),
  })
  .refine((body) => ["startsAt", "endsAt", "title", "ownerTeams", "status"].some((field) => field in body), {
    message: "Change at least one of startsAt, endsAt, title, ownerTeams, status",
  })
  .meta({ id: "UpdatePhase" });
export type UpdatePhaseInput = z.infer<typeof updatePhaseBody>;
