import { z } from "zod";
import { isoDateTime, localizedText } from "@/lib/http/common.validation";

export const progressSchema = z
  .object({
    done: z.int(),
    applicable: z.int().meta({ description: "Items that count: total minus n_a" }),
    total: z.int(),
  })
  .meta({ id: "Progress" });
export type Progress = z.infer<typeof progressSchema>;

export const releaseStatusSchema = z.enum(["planned", "in_progress", "live", "rolled_back", "completed", "cancelled"]);

export const releaseSummarySchema = z
  .object({
    id: z.uuid(),
    version: z.string(),
    name: localizedText,
    status: releaseStatusSchema,
    timezone: z.string(),
    windowStart: isoDateTime,
    windowEnd: isoDateTime,
    isDemo: z.boolean(),
    progress: progressSchema,
  })
  .meta({ id: "ReleaseSummary" });
export type ReleaseSummary = z.infer<typeof releaseSummarySchema>;

export const releaseListResponse = z.object({ releases: z.array(releaseSummarySchema) });

const sectionSummary = z.object({
  id: z.uuid(),
  key: z.string(),
  position: z.int(),
  title: localizedText,
  progress: progressSchema,
  requiredOpen: z.int().meta({ description: "Required-for-go-live items not yet done or n/a" }),
});

const phaseSchema = z.object({
  id: z.uuid(),
  key: z.string(),
  position: z.int(),
  kind: z.enum(["deployment", "post_deployment"]),
  title: localizedText,
  ownerTeams: z.array(z.string()),
  startsAt: isoDateTime,
  endsAt: isoDateTime.nullable(),
  status: z.enum(["pending", "running", "done", "skipped", "failed"]),
  tasks: z.array(z.object({ id: z.uuid(), title: localizedText, done: z.boolean() })),
});

const teamSchema = z.object({
  id: z.uuid(),
  key: z.string(),
  name: localizedText,
  responsibility: localizedText,
  headcount: z.int(),
});

const criterionSchema = z.object({
  id: z.uuid(),
  kind: z.enum(["rollback", "success"]),
  key: z.string(),
  title: localizedText,
  metric: z.string().nullable(),
  aggregation: z.string().nullable(),
  comparator: z.string().nullable(),
  threshold: z.number().nullable(),
  windowSec: z.int().nullable(),
});

const riskSchema = z.object({
  id: z.uuid(),
  key: z.string(),
  title: localizedText,
  impact: localizedText,
  mitigation: localizedText,
  severity: z.int(),
  likelihood: z.int(),
  status: z.enum(["open", "mitigated", "accepted", "closed"]),
});

export const releaseDetailSchema = releaseSummarySchema
  .extend({
    overview: localizedText,
    goals: z.array(localizedText),
    rollbackProcedure: z.array(localizedText),
    afterRollback: z.array(localizedText),
    eventSeq: z.int().meta({ description: "Last live-event sequence number; subscribe and refetch from here" }),
    sections: z.array(sectionSummary),
    phases: z.array(phaseSchema),
    teams: z.array(teamSchema),
    criteria: z.array(criterionSchema),
    risks: z.array(riskSchema),
  })
  .meta({ id: "ReleaseDetail" });
export type ReleaseDetail = z.infer<typeof releaseDetailSchema>;

export const releaseDetailResponse = z.object({ release: releaseDetailSchema });
