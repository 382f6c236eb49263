import { applySplit } from "./set-split";
import type { StepDefinition } from "./types";

// The rollback's first step, always: every request back on blue.
export const trafficToBlueStep: StepDefinition = {
  kind: "traffic_to_blue",
  safeToRepeat: true,
  run: (ctx) => applySplit(ctx, 0),
};
