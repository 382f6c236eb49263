import { z } from "zod";
import { faultSchema } from "./simulation-model";

export const environmentSchema = z.enum(["blue", "green"]).meta({ id: "Environment" });

export const simulationFaultsBody = z
  .strictObject({ environment: environmentSchema, ...faultSchema.shape })
  .meta({ id: "SimulationFaults", description: "Faults of one simulated fleet; 0 and 0 heal it" });

export const simulationFaultsResponse = z.object({
  faults: z.object({ blue: faultSchema, green: faultSchema }),
});
