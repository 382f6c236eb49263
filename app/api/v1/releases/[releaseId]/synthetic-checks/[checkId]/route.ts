import { deleteSyntheticCheck, updateSyntheticCheck } from "@/lib/criteria/synthetic-checks";
import { deleteSyntheticCheckQuery, syntheticCheckParams, updateSyntheticCheckBody } from "@/lib/criteria/synthetic-checks.validation";
import { route } from "@/lib/http/handler";

export const PATCH = route({ permission: "criteria.update", params: syntheticCheckParams, body: updateSyntheticCheckBody }, async ({ actor, params, body }) => ({
  check: await updateSyntheticCheck(actor, params.releaseId, params.checkId, body),
}));

export const DELETE = route({ permission: "criteria.update", params: syntheticCheckParams, query: deleteSyntheticCheckQuery }, async ({ actor, params, query }) => ({
  check: await deleteSyntheticCheck(actor, params.releaseId, params.checkId, query.version),
}));
