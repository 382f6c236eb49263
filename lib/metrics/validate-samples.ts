import { AppError } from "@/lib/errors";
import { isValidMetricName, metricEnvironments, type MetricEnvironment } from "./metric-names";
import { maxFutureSkewMs, maxSamplesPerBatch, type Sample, type SampleCandidate } from "./sample";

export interface SampleProblem {
  index: number;
  path: (string | number)[];
  message: string;
}

export interface SampleRules {
  now: Date;
  // Samples older than this would be downsampled at once; refusing them keeps
  // a downsampled bucket from ever gaining a late raw neighbour.
  rawRetentionMs: number;
  allowCustomMetrics: boolean;
}

// Checks a whole batch and reports every bad sample by index, so a pipeline
// can fix them all at once; the batch is stored only when this passes.
export function validateSamples(candidates: readonly SampleCandidate[], rules: SampleRules): Sample[] {
  if (candidates.length === 0) throw new AppError("VALIDATION_FAILED", "The batch has no samples", [{ path: ["samples"], message: "Send at least one sample" }]);
  if (candidates.length > maxSamplesPerBatch) {
    throw new AppError("VALIDATION_FAILED", `A batch holds at most ${maxSamplesPerBatch} samples; this one has ${candidates.length}`, [
      { path: ["samples"], message: `At most ${maxSamplesPerBatch} samples per batch` },
    ]);
  }
  const nowMs = rules.now.getTime();
  const oldestMs = nowMs - rules.rawRetentionMs;
  const problems: SampleProblem[] = [];
  const samples: Sample[] = [];
  candidates.forEach((candidate, index) => {
    const problem = (field: string, message: string) => problems.push({ index, path: ["samples", index, field], message });
    if (!isValidMetricName(candidate.metric, rules.allowCustomMetrics)) {
      problem(
        "metric",
        rules.allowCustomMetrics
          ? `Unknown metric "${candidate.metric.slice(0, 80)}": use a standard name or lower case letters, digits and _ (starting with a letter, at most 63)`
          : `Unknown metric "${candidate.metric.slice(0, 80)}"; this release accepts only the standard metrics`,
      );
    }
    if (!(metricEnvironments as readonly string[]).includes(candidate.environment)) {
      problem("environment", `Environment must be one of ${metricEnvironments.join(", ")}`);
    }
    if (!Number.isFinite(candidate.value)) problem("value", "The value must be a finite number (not NaN or infinite)");
    const at = candidate.at === undefined ? rules.now : new Date(candidate.at);
    const atMs = at.getTime();
    if (Number.isNaN(atMs)) problem("at", "Not a valid timestamp");
    else if (atMs > nowMs + maxFutureSkewMs) problem("at", `More than ${maxFutureSkewMs / 60_000} minutes in the future; check the sender's clock`);
    else if (atMs < oldestMs) problem("at", `Older than the raw retention (${Math.round(rules.rawRetentionMs / 3_600_000)} h)`);
    samples.push({ metric: candidate.metric, environment: candidate.environment as MetricEnvironment, at, value: candidate.value });
  });
  if (problems.length) {
    throw new AppError("VALIDATION_FAILED", `${problems.length} of ${candidates.length} samples are invalid; nothing was stored`, problems.slice(0, 200));
  }
  return samples;
}
