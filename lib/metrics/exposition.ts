import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { AppError } from "@/lib/errors";
import type { SampleCandidate } from "./sample";

// Samples from Prometheus's text exposition format: one line per sample, the
// family name as the metric, the `environment` label as the environment
// ("all" when absent), the optional timestamp (ms) as its time. Summaries and
// histograms carry no single number per line, so they are refused rather
// than guessed at; send the quantile you judge on as a gauge.
export function parseExposition(text: string): SampleCandidate[] {
  let families: ReturnType<typeof parsePrometheusTextFormat>;
  try {
    families = parsePrometheusTextFormat(text);
  } catch (error) {
    throw new AppError("BAD_REQUEST", `Not valid Prometheus text exposition format: ${error instanceof Error ? error.message : String(error)}`);
  }
  const refused = families.filter((family) => family.type === "SUMMARY" || family.type === "HISTOGRAM");
  if (refused.length) {
    throw new AppError(
      "VALIDATION_FAILED",
      "Summaries and histograms cannot be stored as samples; send gauges",
      refused.map((family) => ({ path: ["body", family.name], message: `${family.name} is a ${family.type.toLowerCase()}; send the figure you judge on as a gauge` })),
    );
  }
  return families.flatMap((family) =>
    family.metrics.map((sample) => ({
      metric: family.name,
      environment: sample.labels?.environment ?? "all",
      // Number("NaN") and unparseable text are NaN, refused by validation.
      value: Number(sample.value),
      ...(sample.timestamp_ms !== undefined ? { at: new Date(Number(sample.timestamp_ms)) } : {}),
    })),
  );
}
