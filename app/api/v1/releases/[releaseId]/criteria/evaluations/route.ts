import { evaluationsQuery } from "@/lib/criteria/criteria.validation";
import { listEvaluations } from "@/lib/criteria/evaluations";
import { releaseParams } from "@/lib/http/common.validation";
import { route } from "@/lib/http/handler";

export const GET = route({ permission: "release.read", params: releaseParams, query: evaluationsQuery }, async ({ params, query }) => ({
  evaluations: await listEvaluations(params.releaseId, query),
}));
