import { prisma } from "@/lib/db/client";
import type { MetricEnvironment } from "./metric-names";
import { metricUnit } from "./metric-names";
import type { MetricSeriesDto, MetricSourcesDto } from "./metrics.validation";
import { readMetricsConfig } from "./metrics-config";
import { queryMetric } from "./query-metric";
import { listSourceStatuses, type SourceStatusView } from "./source-status";

const targetPoints = 2_000;

export interface SeriesRequest {
  metric: string;
  environment: MetricEnvironment;
  from?: string;
  to?: string;
  step?: number;
}

// One chart's series with the health of the source behind it, so an empty or
// stale chart says why (quiet, failing) instead of looking like zero.
export async function getMetricSeries(releaseId: string, request: SeriesRequest, now: Date = new Date()): Promise<MetricSeriesDto> {
  const config = await readMetricsConfig(releaseId);
  const to = request.to ? new Date(request.to) : now;
  const from = request.from ? new Date(request.from) : new Date(to.getTime() - 3_600_000);
  const rangeSec = (to.getTime() - from.getTime()) / 1000;
  const step = request.step ?? (rangeSec > targetPoints ? Math.ceil(rangeSec / targetPoints) : undefined);
  const [points, statuses, latest] = await Promise.all([
    queryMetric(releaseId, { metric: request.metric, environment: request.environment, from, to, step }),
    listSourceStatuses(releaseId, config, now),
    prisma.metricSample.findFirst({
      where: { releaseId, metric: request.metric, environment: request.environment },
      orderBy: { at: "desc" },
      select: { source: true },
    }),
  ]);
  const sourceName = latest?.source ?? (config.kind === "push" ? "push" : config.kind);
  const source = statuses.find((status) => status.source === sourceName) ?? null;
  return {
    metric: request.metric,
    environment: request.environment,
    unit: metricUnit(request.metric),
    from: from.toISOString(),
    to: to.toISOString(),
    step: step ?? null,
    points: points.map((point) => ({ at: point.at.toISOString(), value: point.value })),
    source: source && toDto(source),
  };
}

export async function getMetricSources(releaseId: string, now: Date = new Date()): Promise<MetricSourcesDto> {
  const config = await readMetricsConfig(releaseId);
  return { kind: config.kind, sources: (await listSourceStatuses(releaseId, config, now)).map(toDto) };
}

function toDto(view: SourceStatusView) {
  return {
    source: view.source,
    status: view.status,
    lastSampleAt: view.lastSampleAt?.toISOString() ?? null,
    lastError: view.lastError,
    lastErrorAt: view.lastErrorAt?.toISOString() ?? null,
  };
}
