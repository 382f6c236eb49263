import { z } from "zod";
import { isoDateTime } from "@/lib/http/common.validation";

export const shiftParams = z.strictObject({ releaseId: z.uuid(), shiftId: z.uuid() });

export const shiftSchema = z
  .object({
    id: z.uuid(),
    teamId: z.uuid(),
    teamKey: z.string(),
    user: z.object({ id: z.uuid(), name: z.string() }),
    startsAt: isoDateTime,
    endsAt: isoDateTime,
    version: z.int(),
  })
  .meta({ id: "OnCallShift" });
export type ShiftDto = z.infer<typeof shiftSchema>;

export const coverageGapSchema = z
  .object({
    phaseKey: z.string(),
    teamKey: z.string(),
    gaps: z.array(z.object({ from: isoDateTime, to: isoDateTime })),
  })
  .meta({ id: "CoverageGap", description: "A phase's owner team has nobody on shift for part of the phase" });
export type CoverageGapDto = z.infer<typeof coverageGapSchema>;

export const onCallResponse = z.object({
  window: z.object({ startsAt: isoDateTime, endsAt: isoDateTime }).meta({ description: "The stabilisation window the rota covers" }),
  shifts: z.array(shiftSchema),
  coverage: z.array(coverageGapSchema),
});
export type OnCallDto = z.infer<typeof onCallResponse>;
export const shiftResponse = z.object({ shift: shiftSchema });

const endAfterStart = (body: { startsAt?: string; endsAt?: string }) => !body.startsAt || !body.endsAt || new Date(body.endsAt) > new Date(body.startsAt);
const endAfterStartIssue = { message: "The end must be after the start", path: ["endsAt"] };

export const createShiftBody = z
  .strictObject({ teamId: z.uuid(), userId: z.uuid(), startsAt: isoDateTime, endsAt: isoDateTime })
  .refine(endAfterStart, endAfterStartIssue)
  .meta({ id: "CreateOnCallShift" });
export type CreateShiftInput = z.infer<typeof createShiftBody>;

export const updateShiftBody = z
  .strictObject({ version: z.int().min(1), userId: z.uuid().optional(), teamId: z.uuid().optional(), startsAt: isoDateTime.optional(), endsAt: isoDateTime.optional() })
  .refine((body) => Object.keys(body).some((key) => key !== "version"), { message: "Change at least one field besides version" })
  .meta({ id: "UpdateOnCallShift" });
export type UpdateShiftInput = z.infer<typeof updateShiftBody>;

export const deleteShiftQuery = z.strictObject({ version: z.coerce.number().int().min(1).meta({ description: "The version you last saw" }) });
