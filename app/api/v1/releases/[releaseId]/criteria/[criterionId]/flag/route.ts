import { criterionParams, flagCriterionBody } from "@/lib/criteria/criteria.validation";
import { flagCriterion } from "@/lib/criteria/flag-criterion";
import { route } from "@/lib/http/handler";

export const POST = route({ permission: "criteria.flag", params: criterionParams, body: flagCriterionBody }, async ({ actor, params, body }) => ({
  evaluation: await flagCriterion(actor, params.releaseId, params.criterionId, body),
}));
