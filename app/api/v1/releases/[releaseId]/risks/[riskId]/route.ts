import { route } from "@/lib/http/handler";
import { updateRisk } from "@/lib/risks/risks";
import { riskParams, updateRiskBody } from "@/lib/risks/risks.validation";

export const PATCH = route({ permission: "risk.update", params: riskParams, body: updateRiskBody }, async ({ actor, params, body }) => ({
  risk: await updateRisk(actor, params.releaseId, params.riskId, body),
}));
