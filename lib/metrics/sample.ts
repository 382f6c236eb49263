import { z } from "zod";
import { metricEnvironments, type MetricEnvironment } from "./metric-names";

// One stored reading, as providers produce it and queries return it.
export interface Sample {
  metric: string;
  environment: MetricEnvironment;
  at: Date;
  value: number;
}

export const maxSamplesPerBatch = 5_000;
// Clocks drift; a sample further ahead than this is a wrong clock or unit.
export const maxFutureSkewMs = 5 * 60_000;

export const sourceNamePattern = /^[a-z][a-z0-9_.-]{0,62}$/;

// The push body's sample, loosely typed on purpose: every problem is reported
// per index by validateSamples, rather than zod stopping at the first shape.
export const sampleInputSchema = z
  .strictObject({
    metric: z.string().max(200).meta({ description: "A standard metric name or a custom one (lower case, digits, _)", example: "error_rate" }),
    environment: z.string().max(20).meta({ description: `One of ${metricEnvironments.join(", ")}`, example: "green" }),
    at: z.iso.datetime({ offset: true }).optional().meta({ description: "When it was measured; the time of receipt if absent" }),
    value: z.number().meta({ description: "In the metric's unit (percent, ms, req/s)" }),
  })
  .meta({ id: "MetricSampleInput" });
export type SampleInput = z.input<typeof sampleInputSchema>;

export interface SampleCandidate {
  metric: string;
  environment: string;
  at?: Date | string;
  value: number;
}
