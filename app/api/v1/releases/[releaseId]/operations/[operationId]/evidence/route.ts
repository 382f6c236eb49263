import { route } from "@/lib/http/handler";
import { attachRehearsalEvidence } from "@/lib/operations/attach-rehearsal-evidence";
import { attachEvidenceBody, operationParams } from "@/lib/operations/operations.validation";

// Links a successful rehearsal from the checklist items it proves.
export const POST = route({ permission: "checklist.update", params: operationParams, body: attachEvidenceBody }, async ({ user, actor, params, body }) => ({
  items: await attachRehearsalEvidence(actor, user, params.releaseId, params.operationId, body.itemKeys),
}));
