import { createSyntheticCheck, listSyntheticChecks } from "@/lib/criteria/synthetic-checks";
import { createSyntheticCheckBody } from "@/lib/criteria/synthetic-checks.validation";
import { releaseParams } from "@/lib/http/common.validation";
import { route } from "@/lib/http/handler";
import { json } from "@/lib/http/respond";

export const GET = route({ permission: "release.read", params: releaseParams }, async ({ params }) => ({
  checks: await listSyntheticChecks(params.releaseId),
}));

export const POST = route({ permission: "criteria.update", params: releaseParams, body: createSyntheticCheckBody }, async ({ actor, params, body }) =>
  json({ check: await createSyntheticCheck(actor, params.releaseId, body) }, 201),
);
