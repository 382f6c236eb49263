import { z } from "zod";
import { isoDateTime, localizedText } from "@/lib/http/common.validation";

const person = z.string().nullable().meta({ description: "Name, or null when unknown" });

export const reportQuery = z.strictObject({ lang: z.enum(["en", "ko"]).default("en").meta({ description: "Language of the markdown file" }) });

export const releaseReportSchema = z
  .object({
    generatedAt: isoDateTime,
    release: z.object({
      id: z.uuid(),
      version: z.string(),
      name: localizedText,
      status: z.string(),
      timezone: z.string(),
      windowStart: isoDateTime,
      windowEnd: isoDateTime,
    }),
    checklist: z.object({
      done: z.int(),
      applicable: z.int(),
      total: z.int(),
      requiredOpen: z.array(z.object({ key: z.string(), title: localizedText, status: z.string() })),
      sections: z.array(z.object({ key: z.string(), title: localizedText, done: z.int(), applicable: z.int() })),
    }),
    phases: z.array(
      z.object({
        key: z.string(),
        title: localizedText,
        plannedStart: isoDateTime,
        plannedEnd: isoDateTime.nullable(),
        actualStart: isoDateTime.nullable().meta({ description: "From the operation that carried the phase out, if any" }),
        actualEnd: isoDateTime.nullable(),
        status: z.string(),
      }),
    ),
    approvals: z.array(
      z.object({
        key: z.string(),
        title: localizedText,
        status: z.string(),
        round: z.int(),
        decidedAt: isoDateTime.nullable(),
        decisions: z.array(z.object({ kind: z.string(), by: person, at: isoDateTime, comment: z.string().nullable(), round: z.int() })),
      }),
    ),
    operations: z.array(
      z.object({
        id: z.uuid(),
        kind: z.string(),
        status: z.string(),
        rehearsal: z.boolean(),
        requestedBy: person,
        scheduledAt: isoDateTime.nullable(),
        startedAt: isoDateTime.nullable(),
        finishedAt: isoDateTime.nullable(),
        durationSec: z.number().nullable(),
        reason: z.string().nullable(),
        steps: z.array(z.object({ position: z.int(), kind: z.string(), status: z.string(), startedAt: isoDateTime.nullable(), finishedAt: isoDateTime.nullable() })),
      }),
    ),
    incidents: z.object({
      failedOperations: z.int().meta({ description: "Real (non-rehearsal) operations that failed or were aborted" }),
      rollbacks: z.int().meta({ description: "Real rollback operations" }),
      rollbackReports: z.array(z.object({ cause: z.string(), fixPlan: z.string(), newScheduleAt: isoDateTime.nullable(), author: person, createdAt: isoDateTime })),
    }),
    announcements: z.object({
      tracked: z.boolean().meta({ description: "false when this installation keeps no announcements" }),
      sent: z.array(z.object({ title: z.string(), channel: z.string(), audience: z.string(), sentAt: isoDateTime })),
    }),
    feedback: z.object({ open: z.int(), triaged: z.int(), resolved: z.int() }),
    risks: z.array(z.object({ key: z.string(), title: localizedText, score: z.int(), status: z.string() })),
    criteria: z.array(
      z.object({
        kind: z.enum(["rollback", "success"]),
        key: z.string(),
        title: localizedText,
        rule: z.string().nullable().meta({ description: "metric, aggregation, comparator and threshold, when measured" }),
        value: z.number().nullable().meta({ description: "Success criteria: the value on the scorecard at scorecard.at" }),
        outcome: z.enum(["pass", "fail", "inconclusive"]).nullable(),
      }),
    ),
    scorecard: z
      .object({
        at: isoDateTime.meta({ description: "The end of the stabilisation window, or now while it lasts" }),
        outcome: z.enum(["pass", "fail", "inconclusive"]).nullable(),
        score: z.number().nullable(),
        reason: z.string(),
      })
      .meta({ description: "The success criteria judged together; outcome null when they could not be evaluated (reason says why)" }),
  })
  .meta({ id: "ReleaseReport" });
export type ReleaseReport = z.infer<typeof releaseReportSchema>;
export const releaseReportResponse = z.object({ report: releaseReportSchema });
