import { createCriterionBody } from "@/lib/criteria/criteria.validation";
import { createCriterion } from "@/lib/criteria/create-criterion";
import { listCriteria } from "@/lib/criteria/list-criteria";
import { json } from "@/lib/http/respond";
import { route } from "@/lib/http/handler";
import { releaseParams } from "@/lib/http/common.validation";

export const GET = route({ permission: "release.read", params: releaseParams }, async ({ params }) => ({
  criteria: await listCriteria(params.releaseId),
}));

export const POST = route({ permission: "criteria.update", params: releaseParams, body: createCriterionBody }, async ({ actor, params, body }) =>
  json({ criterion: await createCriterion(actor, params.releaseId, body) }, 201),
);
