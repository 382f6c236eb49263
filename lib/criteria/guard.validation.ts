import { z } from "zod";
import { isoDateTime } from "@/lib/http/common.validation";
import { evaluationSchema } from "./criteria.validation";

export const guardStateSchema = z
  .object({
    state: z.enum(["idle", "watching", "breached"]),
    phase: z.enum(["cutover", "stabilisation"]).nullable(),
    operationId: z.uuid().nullable().meta({ description: "The cutover watched" }),
    watchingSince: isoDateTime.nullable(),
    watchingUntil: isoDateTime.nullable().meta({ description: "End of the stabilisation window; null during the cutover" }),
    policy: z.enum(["propose", "auto"]).meta({ description: "The release's guard setting" }),
    criteria: z.array(z.object({ id: z.uuid(), key: z.string(), policy: z.enum(["alert", "propose", "auto"]).meta({ description: "What a breach of this criterion does" }) })),
    lastEvaluation: z.object({ at: isoDateTime, evaluations: z.array(evaluationSchema) }).nullable().meta({ description: "Each rollback criterion's latest guard evaluation of the watched cutover" }),
    alerts: z.array(z.object({ id: z.string(), at: isoDateTime, breach: z.unknown().meta({ description: "The guard.breached audit event: criterion, values, window, reason, policy" }) })),
    history: z.array(evaluationSchema).meta({ description: "The last 50 guard evaluations, newest first" }),
  })
  .meta({ id: "GuardState" });
export type GuardStateDto = z.infer<typeof guardStateSchema>;
export const guardStateResponse = z.object({ guard: guardStateSchema });

export const scorecardEntrySchema = z.object({
  criterionId: z.uuid(),
  key: z.string(),
  title: z.object({ ko: z.string(), en: z.string() }),
  metric: z.string().nullable(),
  environment: z.string(),
  aggregation: z.string().nullable(),
  comparator: z.string().nullable(),
  windowSec: z.int().nullable(),
  isKey: z.boolean(),
  dryRun: z.boolean(),
  value: z.number().nullable().meta({ description: "The aggregated value over the window (so far, when coverage is low)" }),
  threshold: z.number().nullable(),
  windowCoverage: z.number().meta({ description: "Share of the window with data, 0–1; for synthetic checks the share of checks with a fresh result" }),
  sampleCount: z.int(),
  outcome: z.enum(["pass", "fail", "inconclusive"]),
  reasonCode: z.string(),
  reason: z.string(),
});

export const scorecardSchema = z
  .object({
    at: isoDateTime,
    outcome: z.enum(["pass", "fail", "inconclusive"]).meta({ description: "All success criteria together; a failing key criterion fails it" }),
    score: z.number().nullable(),
    reason: z.string(),
    criteria: z.array(scorecardEntrySchema),
  })
  .meta({ id: "Scorecard" });
export type ScorecardDto = z.infer<typeof scorecardSchema>;
export const scorecardResponse = z.object({ scorecard: scorecardSchema });
