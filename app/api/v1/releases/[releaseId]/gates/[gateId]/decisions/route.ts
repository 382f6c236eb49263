import { decideGate } from "@/lib/gates/decide-gate";
import { decideGateBody, gateParams } from "@/lib/gates/gates.validation";
import { route } from "@/lib/http/handler";

export const POST = route({ permission: "gate.decide", params: gateParams, body: decideGateBody }, async ({ user, actor, params, body }) => ({
  gate: await decideGate(actor, user, params.releaseId, params.gateId, body),
}));
