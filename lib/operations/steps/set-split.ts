import { z } from "zod";
import type { TrafficState } from "@/lib/drivers/types";
import { driverLogFor } from "./driver-log";
import type { StepContext, StepDefinition, StepOutcome } from "./types";

const paramsSchema = z.strictObject({ greenPercent: z.int().min(0).max(100) });

// Weights are integers in most traffic layers, so a reported share may round
// away from the requested one by a little; more than this is a real mismatch.
const tolerancePercent = 1;

// Sets the split and records what the driver reports back. Setting the same
// split twice is the same as once, so a crash mid-call is safe to repeat.
export const setSplitStep: StepDefinition = {
  kind: "set_split",
  safeToRepeat: true,
  async run(ctx) {
    const { greenPercent } = paramsSchema.parse(ctx.params);
    return applySplit(ctx, greenPercent);
  },
};

export async function applySplit(ctx: StepContext, greenPercent: number): Promise<StepOutcome> {
  const driver = await ctx.driver();
  await ctx.log("info", `setting green to ${greenPercent} % of traffic`);
  const state: TrafficState = await driver.setSplit(greenPercent, driverLogFor(ctx));
  await ctx.recordTraffic(state);
  if (Math.abs(state.greenPercent - greenPercent) > tolerancePercent) {
    return {
      status: "needs_attention",
      reason: `asked for ${greenPercent} % green, the driver reports ${state.greenPercent} % (weights blue ${state.weights.blue} / green ${state.weights.green})`,
    };
  }
  await ctx.log("info", `driver confirms green at ${state.greenPercent} % (blue ${state.weights.blue} / green ${state.weights.green})`);
  return { status: "succeeded", result: { greenPercent: state.greenPercent, weights: state.weights } };
}
