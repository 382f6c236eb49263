import { route } from "@/lib/http/handler";
import { releaseParams, trafficQuery } from "@/lib/operations/operations.validation";
import { readTraffic } from "@/lib/operations/read-traffic";

export const GET = route({ permission: "release.read", params: releaseParams, query: trafficQuery }, async ({ params, query }) => ({
  traffic: await readTraffic(params.releaseId, query.purpose),
}));
