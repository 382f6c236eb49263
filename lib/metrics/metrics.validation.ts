import { z } from "zod";
import { isoDateTime } from "@/lib/http/common.validation";
import { metricEnvironments } from "./metric-names";
import { maxSamplesPerBatch, sampleInputSchema, sourceNamePattern } from "./sample";
import { sourceStatuses } from "./source-status";

const sourceName = z.string().regex(sourceNamePattern, "Lower case letters, digits and _ . - (starting with a letter, at most 63)");

export const pushMetricsBody = z
  .strictObject({
    source: sourceName.optional().meta({ description: 'Who sends these samples, shown with its status; "push" when absent', example: "analytics" }),
    samples: z.array(sampleInputSchema).max(maxSamplesPerBatch).meta({ description: `At most ${maxSamplesPerBatch}; stored all together or not at all` }),
  })
  .meta({ id: "PushMetricsBody" });
export type PushMetricsBody = z.infer<typeof pushMetricsBody>;

export const pushMetricsQuery = z.strictObject({
  source: sourceName.optional().meta({ description: "The source name for a text/plain (exposition format) body" }),
});

export const pushMetricsResponse = z.object({ stored: z.int(), source: z.string() }).meta({ id: "PushMetricsResponse" });

export const metricSeriesQuery = z
  .strictObject({
    metric: z.string().min(1).max(63).meta({ example: "error_rate" }),
    environment: z.enum(metricEnvironments).default("green"),
    from: isoDateTime.optional().meta({ description: "Default: one hour before `to`" }),
    to: isoDateTime.optional().meta({ description: "Default: now" }),
    step: z.coerce
      .number()
      .int()
      .min(1)
      .max(86_400)
      .optional()
      .meta({ description: "Average into buckets of this many seconds. Default: raw points for up to 2,000 s, else buckets giving about 2,000 points" }),
  })
  .refine((query) => !query.from || !query.to || Date.parse(query.from) <= Date.parse(query.to), { message: "from must not be after to", path: ["from"] });

const sourceStatusSchema = z
  .object({
    source: z.string(),
    status: z.enum(sourceStatuses).meta({ description: "quiet: nothing received lately (or ever); failing: the last poll failed (lastError says why)" }),
    lastSampleAt: isoDateTime.nullable(),
    lastError: z.string().nullable(),
    lastErrorAt: isoDateTime.nullable(),
  })
  .meta({ id: "MetricSourceStatus" });

export const metricSeriesResponse = z
  .object({
    metric: z.string(),
    environment: z.enum(metricEnvironments),
    unit: z.string().nullable(),
    from: isoDateTime,
    to: isoDateTime,
    step: z.int().nullable().meta({ description: "Bucket size in seconds; null for raw samples" }),
    points: z.array(z.object({ at: isoDateTime, value: z.number() })).meta({ description: "Oldest first; a time without data has no point (never a zero)" }),
    source: sourceStatusSchema.nullable().meta({ description: "The source that last supplied this series, or the configured one" }),
  })
  .meta({ id: "MetricSeries" });
export type MetricSeriesDto = z.infer<typeof metricSeriesResponse>;

export const metricSourcesResponse = z
  .object({ kind: z.enum(["simulated", "push", "prometheus", "haproxy"]), sources: z.array(sourceStatusSchema) })
  .meta({ id: "MetricSources" });
export type MetricSourcesDto = z.infer<typeof metricSourcesResponse>;
