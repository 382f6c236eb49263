import { gateParams } from "@/lib/gates/gates.validation";
import { requestGate } from "@/lib/gates/request-gate";
import { route } from "@/lib/http/handler";

export const POST = route({ permission: "gate.decide", params: gateParams }, async ({ user, actor, params }) => ({
  gate: await requestGate(actor, user, params.releaseId, params.gateId),
}));
