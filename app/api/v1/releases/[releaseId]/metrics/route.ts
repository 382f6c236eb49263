import { releaseParams } from "@/lib/http/common.validation";
import { route } from "@/lib/http/handler";
import { json } from "@/lib/http/respond";
import { getMetricSeries } from "@/lib/metrics/get-metric-series";
import { metricSeriesQuery, pushMetricsQuery } from "@/lib/metrics/metrics.validation";
import { readPushBody } from "@/lib/metrics/push-body";
import { storeSamples } from "@/lib/metrics/store-samples";

export const GET = route({ permission: "release.read", params: releaseParams, query: metricSeriesQuery }, async ({ params, query }) =>
  getMetricSeries(params.releaseId, query),
);

// JSON or Prometheus text exposition format; the body is read here because
// route() parses JSON only.
export const POST = route({ permission: "metrics.push", params: releaseParams, query: pushMetricsQuery }, async ({ req, params, query }) => {
  const batch = await readPushBody(req);
  const source = batch.source ?? query.source ?? "push";
  const { stored } = await storeSamples(params.releaseId, source, batch.samples);
  return json({ stored, source }, 201);
});
