import type { MetricsConfig } from "../config";
import { HaproxyMetricProvider } from "./haproxy";
import { PrometheusMetricProvider } from "./prometheus";
import type { MetricProvider } from "./provider";
import { SimulatedMetricProvider } from "./simulated";

// The poller for a configuration; null for `push`, where the release's own
// collectors send samples and nothing is polled.
export function createMetricProvider(releaseId: string, config: MetricsConfig): MetricProvider | null {
  switch (config.kind) {
    case "simulated":
      return new SimulatedMetricProvider(releaseId);
    case "prometheus":
      return new PrometheusMetricProvider(config);
    case "haproxy":
      return new HaproxyMetricProvider(config);
    case "push":
      return null;
  }
}

export function pollIntervalSec(config: MetricsConfig): number {
  return config.kind === "prometheus" || config.kind === "haproxy" ? config.intervalSec : 1;
}
