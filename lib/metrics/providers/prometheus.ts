import type { PrometheusMetricsConfig } from "../config";
import type { MetricEnvironment } from "../metric-names";
import type { Sample } from "../sample";
import { instantQuery, PrometheusError } from "./prometheus-api";
import { MetricSourceError, type MetricProvider } from "./provider";

type QueryPlan = { metric: string; environment: MetricEnvironment; query: string };

// One PromQL query per metric and environment, evaluated at the poll's time.
// Queries without data are left out (no sample, not zero); any query that
// errs or times out makes the whole poll a failure, with what did answer
// kept as partial samples.
export class PrometheusMetricProvider implements MetricProvider {
  readonly source = "prometheus";
  private readonly plan: QueryPlan[];

  constructor(private readonly config: Pick<PrometheusMetricsConfig, "baseUrl" | "queries" | "timeoutMs">) {
    this.plan = Object.entries(config.queries).flatMap(([metric, queries]) =>
      (["blue", "green", "all"] as const).flatMap((environment) => {
        const query = queries[environment];
        return query === undefined ? [] : [{ metric, environment, query }];
      }),
    );
  }

  async collect(now: Date): Promise<Sample[]> {
    const outcomes = await Promise.all(
      this.plan.map(async (item) => {
        try {
          return { item, value: await instantQuery(this.config.baseUrl, item.query, now, this.config.timeoutMs) };
        } catch (error) {
          if (error instanceof PrometheusError) return { item, error: error.message };
          throw error;
        }
      }),
    );
    const samples: Sample[] = [];
    const failures: string[] = [];
    for (const outcome of outcomes) {
      if ("error" in outcome) failures.push(`${outcome.item.metric}/${outcome.item.environment}: ${outcome.error}`);
      else if (outcome.value !== null) samples.push({ metric: outcome.item.metric, environment: outcome.item.environment, at: now, value: outcome.value });
    }
    if (failures.length) {
      // The same cause (Prometheus down) repeats for every query; say it once.
      const distinct = [...new Set(failures.map((failure) => failure.slice(failure.indexOf(": ") + 2)))];
      const summary = distinct.length === 1 ? `${failures.length} of ${this.plan.length} queries failed: ${distinct[0]}` : failures.join("; ");
      throw new MetricSourceError(summary, samples);
    }
    return samples;
  }
}
