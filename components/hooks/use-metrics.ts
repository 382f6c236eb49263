"use client";

import { useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { api, withQuery } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { Environment, MetricSample, MetricSeries } from "@/lib/client/types";
import { isMetricRange, mergePoints, queryStepSec, rangeMs, type MetricRange } from "@/components/metrics/metric-series";

// Without the live stream the charts are re-read this often.
const offlinePollMs = 15_000;

// One metric of one fleet over a range ending now. Live samples are appended
// to this cache (applyMetricSamples); the live hook's reconnect resync
// invalidates everything under the release, which refetches the range and so
// fills whatever the socket missed.
export function useMetricSeries(releaseId: string, metric: string, environment: Environment, range: MetricRange, live: boolean) {
  const queryClient = useQueryClient();
  const queryKey = queryKeys.metricSeries(releaseId, metric, environment, range);
  return useQuery({
    queryKey,
    queryFn: async ({ signal }) => {
      const to = Date.now();
      const from = to - rangeMs[range];
      const path = withQuery(`/api/v1/releases/${encodeURIComponent(releaseId)}/metrics`, {
        metric,
        environment,
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
        step: queryStepSec(range),
      });
      const fetched = await api<MetricSeries>(path, { signal });
      // Samples that arrived live while the request was under way stay.
      const cached = queryClient.getQueryData<MetricSeries>(queryKey);
      return { ...fetched, points: mergePoints(fetched.points, cached?.points ?? [], from) };
    },
    refetchInterval: live ? false : offlinePollMs,
  });
}

// Appends one `metrics:samples` batch to every cached range of the metrics it
// carries, trimming what fell out of each range.
export function applyMetricSamples(queryClient: QueryClient, releaseId: string, samples: readonly MetricSample[]): void {
  const now = Date.now();
  for (const [key, series] of queryClient.getQueriesData<MetricSeries>({ queryKey: queryKeys.metrics(releaseId) })) {
    const [, , , metric, environment, range] = key;
    if (!series || !isMetricRange(range)) continue;
    const incoming = samples
      .filter((sample) => sample.metric === metric && sample.environment === environment)
      .map(({ at, value }) => ({ at, value }));
    if (incoming.length === 0) continue;
    const points = mergePoints(series.points, incoming, now - rangeMs[range]);
    // A source whose samples just arrived is neither quiet nor failing.
    const source = series.source && { ...series.source, status: "ok" as const, lastSampleAt: points.at(-1)?.at ?? series.source.lastSampleAt };
    queryClient.setQueryData<MetricSeries>(key, { ...series, points, source });
  }
}
