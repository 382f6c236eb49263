import { releaseParams } from "@/lib/http/common.validation";
import { route } from "@/lib/http/handler";
import { getMetricSources } from "@/lib/metrics/get-metric-series";

export const GET = route({ permission: "release.read", params: releaseParams }, async ({ params }) => getMetricSources(params.releaseId));
