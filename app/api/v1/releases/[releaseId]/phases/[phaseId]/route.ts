import { route } from "@/lib/http/handler";
import { phaseParams, updatePhaseBody } from "@/lib/phases/phases.validation";
import { updatePhase } from "@/lib/phases/update-phase";

export const PATCH = route({ permission: "phase.update", params: phaseParams, body: updatePhaseBody }, async ({ actor, params, body }) =>
  updatePhase(actor, params.releaseId, params.phaseId, body),
);
