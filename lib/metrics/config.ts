import { z } from "zod";
import { parseHaproxyAddress } from "@/lib/drivers/config";
import { customMetricPattern } from "./metric-names";

// The `metrics` release setting: where a release's samples come from and how
// long they stay raw. Pushed samples are accepted whatever the kind (bounce
// rate usually arrives that way beside a polled source); `push` only means
// nothing is polled.

const common = {
  rawRetentionHours: z
    .int()
    .min(1)
    .max(24 * 30)
    .default(48)
    .meta({ description: "How long samples stay raw before they are averaged into 60 s buckets (the stabilisation window)" }),
  allowCustomMetrics: z.boolean().default(true).meta({ description: "Accept metric names beyond the standard ones" }),
  quietAfterSec: z
    .int()
    .min(5)
    .max(86_400)
    .optional()
    .meta({ description: "A source with no sample for this long is shown as quiet; by default three polling intervals (at least 15 s), 5 minutes for push" }),
};

const timeoutMs = z.int().min(100).max(60_000).default(5_000).meta({ description: "How long one poll may take, in ms" });
const intervalSec = z.int().min(1).max(3600).default(1).meta({ description: "Seconds between polls" });

const promql = z.string().trim().min(1).max(4000);
const environmentQueries = z
  .strictObject({ blue: promql.optional(), green: promql.optional(), all: promql.optional() })
  .refine((queries) => Object.values(queries).some((query) => query !== undefined), { message: "Give a query for at least one of blue, green, all" });

export const simulatedMetricsConfig = z.strictObject({ kind: z.literal("simulated"), ...common }).meta({ id: "SimulatedMetricsConfig" });
export const pushMetricsConfig = z.strictObject({ kind: z.literal("push"), ...common }).meta({ id: "PushMetricsConfig" });

export const prometheusMetricsConfig = z
  .strictObject({
    kind: z.literal("prometheus"),
    ...common,
    baseUrl: z.url({ protocol: /^https?$/ }).max(2000).meta({ description: "Prometheus HTTP API root", example: "http://prometheus:9090" }),
    // One PromQL query per metric and environment; each must yield one number.
    queries: z
      .record(z.string().regex(customMetricPattern, "Metric names: lower case, digits and _ (at most 63)"), environmentQueries)
      .refine((queries) => Object.keys(queries).length > 0, { message: "Configure at least one metric query" })
      .meta({
        description: "PromQL per metric and environment, each evaluating to a single number",
        example: { error_rate: { green: 'sum(rate(http_requests_total{env="green",code=~"5.."}[1m])) / sum(rate(http_requests_total{env="green"}[1m])) * 100' } },
      }),
    intervalSec,
    timeoutMs,
  })
  .meta({ id: "PrometheusMetricsConfig" });

const haproxyName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.:-]+$/, "Letters, digits and _ . : - only, as HAProxy names allow");

export const haproxyMetricsConfig = z
  .strictObject({
    kind: z.literal("haproxy"),
    ...common,
    address: z
      .string()
      .refine((value) => parseHaproxyAddress(value) !== null, { message: 'Use "tcp://host:port" or "unix:/absolute/path"' })
      .meta({ description: "HAProxy runtime API (stats socket)", example: "unix:/run/haproxy/admin.sock" }),
    backend: haproxyName,
    blueServer: haproxyName,
    greenServer: haproxyName,
    intervalSec,
    timeoutMs,
  })
  .refine((config) => config.blueServer !== config.greenServer, { message: "Blue and green must be different servers", path: ["greenServer"] })
  .meta({ id: "HaproxyMetricsConfig" });

export const metricsConfigSchema = z
  .discriminatedUnion("kind", [simulatedMetricsConfig, pushMetricsConfig, prometheusMetricsConfig, haproxyMetricsConfig])
  .meta({ id: "MetricsConfig" });

export type MetricsConfig = z.infer<typeof metricsConfigSchema>;
export type PrometheusMetricsConfig = z.infer<typeof prometheusMetricsConfig>;
export type HaproxyMetricsConfig = z.infer<typeof haproxyMetricsConfig>;
export type MetricsSourceKind = MetricsConfig["kind"];

export const defaultMetricsConfig: MetricsConfig = { kind: "simulated", rawRetentionHours: 48, allowCustomMetrics: true };

// Polled sources go quiet after three missed polls; pushers are given longer,
// since a pipeline may send once a minute.
export function quietAfterSec(config: MetricsConfig): number {
  if (config.quietAfterSec !== undefined) return config.quietAfterSec;
  if (config.kind === "push") return 300;
  const interval = config.kind === "simulated" ? 1 : config.intervalSec;
  return Math.max(15, 3 * interval);
}
