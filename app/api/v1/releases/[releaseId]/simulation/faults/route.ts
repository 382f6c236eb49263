import { setSimulationFaults } from "@/lib/drivers/simulated";
import { simulationFaultsBody } from "@/lib/drivers/simulation.validation";
import { route } from "@/lib/http/handler";
import { releaseParams } from "@/lib/http/common.validation";

export const PUT = route(
  { permission: "simulation.fault", params: releaseParams, body: simulationFaultsBody },
  async ({ actor, params, body }) => setSimulationFaults(actor, params.releaseId, body),
);
