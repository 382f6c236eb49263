import { AppError } from "@/lib/errors";
import type { MetricsConfig } from "./config";
import { validatePromQL } from "./providers/prometheus-api";

// Save-time check of the `metrics` setting: every PromQL query is parsed by
// the configured Prometheus itself, so a typo is refused when it is saved,
// not discovered as "failing" during a cutover.
export async function validateMetricsConfig(config: MetricsConfig): Promise<void> {
  if (config.kind !== "prometheus") return;
  const problems: { path: (string | number)[]; message: string; code: string }[] = [];
  for (const [metric, queries] of Object.entries(config.queries)) {
    for (const [environment, query] of Object.entries(queries)) {
      if (query === undefined) continue;
      const verdict = await validatePromQL(config.baseUrl, query, config.timeoutMs);
      if (!verdict.ok) problems.push({ path: ["settings", "queries", metric, environment], message: verdict.error, code: verdict.kind });
    }
  }
  if (problems.length) throw new AppError("VALIDATION_FAILED", "Prometheus refused some queries", problems);
}
