import { route } from "@/lib/http/handler";
import { releaseParams } from "@/lib/http/common.validation";
import { json } from "@/lib/http/respond";
import { createRisk, listRisks } from "@/lib/risks/risks";
import { createRiskBody } from "@/lib/risks/risks.validation";

export const GET = route({ permission: "release.read", params: releaseParams }, async ({ params }) => ({ risks: await listRisks(params.releaseId) }));

export const POST = route({ permission: "risk.update", params: releaseParams, body: createRiskBody }, async ({ actor, params, body }) =>
  json({ risk: await createRisk(actor, params.releaseId, body) }, 201),
);
