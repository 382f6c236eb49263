import { criterionParams, deleteCriterionQuery, updateCriterionBody } from "@/lib/criteria/criteria.validation";
import { deleteCriterion } from "@/lib/criteria/delete-criterion";
import { updateCriterion } from "@/lib/criteria/update-criterion";
import { route } from "@/lib/http/handler";

export const PATCH = route({ permission: "criteria.update", params: criterionParams, body: updateCriterionBody }, async ({ actor, params, body }) => ({
  criterion: await updateCriterion(actor, params.releaseId, params.criterionId, body),
}));

export const DELETE = route({ permission: "criteria.update", params: criterionParams, query: deleteCriterionQuery }, async ({ actor, params, query }) => ({
  criterion: await deleteCriterion(actor, params.releaseId, params.criterionId, query.version),
}));
