import { z } from "zod";
import { driverLogFor } from "./driver-log";
import type { StepDefinition } from "./types";

const paramsSchema = z.strictObject({ environment: z.enum(["blue", "green"]).default("green") });

// Asks the driver whether an environment serves; an unhealthy answer stops
// the operation for a person to look at rather than shifting traffic onto it.
export const healthCheckStep: StepDefinition = {
  kind: "health_check",
  safeToRepeat: true,
  async run(ctx) {
    const { environment } = paramsSchema.parse(ctx.params);
    const driver = await ctx.driver();
    await ctx.log("info", `health-checking ${environment}`);
    const health = await driver.healthCheck(environment, driverLogFor(ctx));
    if (!health.healthy) return { status: "needs_attention", reason: `${environment} is unhealthy: ${health.detail}` };
    await ctx.log("info", `${environment} is healthy: ${health.detail}`);
    return { status: "succeeded", result: { environment, health } };
  },
};
