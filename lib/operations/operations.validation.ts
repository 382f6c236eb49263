import { z } from "zod";
import { checklistItemSchema } from "@/lib/checklist/checklist.validation";
import { isoDateTime, releaseParams } from "@/lib/http/common.validation";

export const operationKindSchema = z.enum(["cutover", "migration", "rollback"]).meta({ id: "OperationKind" });
export const operationStatusSchema = z
  .enum(["scheduled", "pending", "running", "paused", "needs_attention", "succeeded", "failed", "aborted", "cancelled"])
  .meta({ id: "OperationStatus" });
export const stepStatusSchema = z.enum(["pending", "running", "succeeded", "failed", "skipped", "aborted"]).meta({ id: "StepStatus" });

export const operationParams = z.strictObject({ releaseId: z.uuid(), operationId: z.uuid() });
export { releaseParams };

export const startOperationBody = z
  .strictObject({
    kind: operationKindSchema,
    idempotencyKey: z
      .string()
      .trim()
      .min(8)
      .max(200)
      .meta({ description: "Chosen by the client once per intent (e.g. a UUID made when the dialog opens); repeating it returns the same operation" }),
    scheduledAt: isoDateTime.optional().meta({ description: "Start later; at that time the operation starts only if its gate is still approved" }),
    rehearsal: z.boolean().default(false).meta({ description: "Run against the driver.rehearsal configuration; gates and checklist do not apply" }),
    confirmVersion: z.string().max(100).optional().meta({ description: "The release's version, typed by the user; required for cutover and rollback" }),
  })
  .meta({ id: "StartOperation" });
export type StartOperationInput = z.infer<typeof startOperationBody>;

const person = z.object({ id: z.uuid(), name: z.string() }).nullable();

export const operationSummarySchema = z
  .object({
    id: z.uuid(),
    releaseId: z.uuid(),
    kind: operationKindSchema,
    status: operationStatusSchema,
    rehearsal: z.boolean(),
    scheduledAt: isoDateTime.nullable(),
    startedAt: isoDateTime.nullable(),
    finishedAt: isoDateTime.nullable(),
    createdAt: isoDateTime,
    requestedBy: person,
    reason: z.string().nullable().meta({ description: "Why it needs attention, was cancelled or aborted" }),
    currentStep: z.int().meta({ description: "Position (0-based) of the step running or last run" }),
    confirmedGreen: z.number().nullable().meta({ description: "Green's share as the driver last confirmed it, 0–100" }),
    version: z.int(),
  })
  .meta({ id: "OperationSummary" });
export type OperationSummaryDto = z.infer<typeof operationSummarySchema>;

export const operationStepSchema = z
  .object({
    id: z.uuid(),
    position: z.int(),
    kind: z.string(),
    params: z.unknown(),
    status: stepStatusSchema,
    attempts: z.int(),
    result: z.unknown(),
    error: z.string().nullable(),
    startedAt: isoDateTime.nullable(),
    finishedAt: isoDateTime.nullable(),
  })
  .meta({ id: "OperationStep" });

export const operationLogSchema = z
  .object({
    id: z.string(),
    stepId: z.uuid().nullable(),
    at: isoDateTime,
    level: z.enum(["info", "warn", "error"]),
    message: z.string(),
  })
  .meta({ id: "OperationLogLine" });

export const operationDetailSchema = operationSummarySchema
  .extend({ steps: z.array(operationStepSchema), logs: z.array(operationLogSchema).meta({ description: "The last 500 lines, oldest first" }) })
  .meta({ id: "OperationDetail" });
export type OperationDetailDto = z.infer<typeof operationDetailSchema>;

export const operationListResponse = z.object({ operations: z.array(operationSummarySchema) });
export const operationResponse = z.object({ operation: operationSummarySchema });
export const operationDetailResponse = z.object({ operation: operationDetailSchema });

export const trafficQuery = z.strictObject({
  purpose: z.enum(["production", "rehearsal"]).default("production").meta({ description: "Which driver configuration to read" }),
});

const environmentHealthSchema = z.object({ healthy: z.boolean(), detail: z.string() });

export const trafficSchema = z
  .object({
    driver: z.enum(["simulated", "haproxy", "command", "webhook"]),
    greenPercent: z.number(),
    weights: z.object({ blue: z.number(), green: z.number() }),
    health: z.object({ blue: environmentHealthSchema, green: environmentHealthSchema }),
    readAt: isoDateTime,
  })
  .meta({ id: "Traffic", description: "The split as the driver reports it, not as requested" });
export type TrafficDto = z.infer<typeof trafficSchema>;
export const trafficResponse = z.object({ traffic: trafficSchema });

export const rollbackReportSchema = z
  .object({
    id: z.uuid(),
    operationId: z.uuid().nullable(),
    cause: z.string(),
    fixPlan: z.string(),
    newScheduleAt: isoDateTime.nullable(),
    author: person,
    createdAt: isoDateTime,
  })
  .meta({ id: "RollbackReport" });
export type RollbackReportDto = z.infer<typeof rollbackReportSchema>;

export const rollbackReportListResponse = z.object({
  reports: z.array(rollbackReportSchema),
  outstanding: z
    .array(z.object({ operationId: z.uuid(), finishedAt: isoDateTime.nullable() }))
    .meta({ description: "Finished rollbacks (not rehearsals) that still wait for their report" }),
});

export const createRollbackReportBody = z
  .strictObject({
    operationId: z.uuid().optional().meta({ description: "The rollback operation this report explains" }),
    cause: z.string().trim().min(1).max(5000),
    fixPlan: z.string().trim().min(1).max(5000),
    newScheduleAt: isoDateTime.nullable().optional(),
  })
  .meta({ id: "NewRollbackReport" });
export type CreateRollbackReportInput = z.infer<typeof createRollbackReportBody>;
export const rollbackReportResponse = z.object({ report: rollbackReportSchema });

export const evidenceItemKeys = ["environment.rollback-tested", "automation.blue-green-scripts"] as const;

export const attachEvidenceBody = z
  .strictObject({
    itemKeys: z.array(z.enum(evidenceItemKeys)).min(1).max(evidenceItemKeys.length).default([...evidenceItemKeys]),
  })
  .meta({ id: "AttachRehearsalEvidence" });
export const attachEvidenceResponse = z.object({ items: z.array(checklistItemSchema) });
