import { z } from "zod";
import { isoDateTime, localizedText, roleSchema } from "@/lib/http/common.validation";

export const gateParams = z.strictObject({ releaseId: z.uuid(), gateId: z.uuid() });

export const gateStatusSchema = z.enum(["pending", "approved", "rejected"]).meta({ id: "GateStatus" });
export const gateDecisionKindSchema = z.enum(["approve", "reject", "revoke", "override"]).meta({ id: "GateDecisionKind" });

// Limits shared by the HTTP schema and decideGate, which also serves callers
// that do not come through HTTP.
export const overrideReasonMinLength = 10;
export const commentMaxLength = 2000;

export const decideGateBody = z
  .strictObject({
    kind: gateDecisionKindSchema,
    comment: z
      .string()
      .trim()
      .max(commentMaxLength)
      .optional()
      .meta({ description: `Required to reject; an override needs a reason of at least ${overrideReasonMinLength} characters` }),
    version: z.int().min(1).meta({ description: "The gate version you last saw; a stale one gets 409" }),
  })
  .meta({ id: "GateDecisionRequest" });
export type DecideGateInput = z.infer<typeof decideGateBody>;

const userRef = z.object({ id: z.uuid(), name: z.string() });

export const gateBlockerSchema = z
  .object({
    code: z.enum(["REJECTED", "APPROVALS_MISSING", "ITEMS_NOT_DONE"]),
    message: z.string(),
    itemKeys: z.array(z.string()).optional().meta({ description: "ITEMS_NOT_DONE: the checklist items still open" }),
  })
  .meta({ id: "GateBlocker" });

export const gateDecisionSchema = z
  .object({
    id: z.uuid(),
    kind: gateDecisionKindSchema,
    user: userRef,
    comment: z.string().nullable(),
    at: isoDateTime,
    expiresAt: isoDateTime.nullable(),
    expired: z.boolean(),
    revokedAt: isoDateTime.nullable(),
  })
  .meta({ id: "GateDecision" });

export const gateSchema = z
  .object({
    id: z.uuid(),
    key: z.string(),
    position: z.int(),
    title: localizedText,
    requiredRoles: z.array(roleSchema),
    approvalsNeeded: z.int(),
    allowSelfApproval: z.boolean(),
    approvalTtlSec: z.int().nullable(),
    requiredItemKeys: z.array(z.string()),
    status: gateStatusSchema.meta({ description: "Computed now, so an approval that has expired shows as pending" }),
    round: z.int().meta({ description: "Decisions count within the current round; un-ticking a required item re-opens the gate in a new round" }),
    requestedBy: userRef.nullable(),
    requestedAt: isoDateTime.nullable(),
    decidedAt: isoDateTime.nullable(),
    version: z.int(),
    state: z.object({
      approved: z.boolean(),
      overridden: z.boolean(),
      approvals: z.int(),
      needed: z.int(),
      blockers: z.array(gateBlockerSchema),
    }),
    decisions: z.array(gateDecisionSchema).meta({ description: "The current round's decisions, oldest first" }),
  })
  .meta({ id: "Gate" });
export type GateDto = z.infer<typeof gateSchema>;

export const gateListResponse = z.object({ gates: z.array(gateSchema) });
export const gateResponse = z.object({ gate: gateSchema });
