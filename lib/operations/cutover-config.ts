import { z } from "zod";

// Setting key `cutover`: how traffic moves to green. Each entry of `steps` is
// green's share after that step; the last must be 100 (the cutover ends with
// everyone on green). `policy` belongs to the metrics analysis hooks.
export const cutoverConfigSchema = z
  .strictObject({
    steps: z.array(z.int().min(1).max(100)).min(1).max(20).default([10, 25, 50, 100]),
    bakeSeconds: z.int().min(0).max(86_400).default(300),
    policy: z.record(z.string(), z.unknown()).optional(),
  })
  .superRefine((config, ctx) => {
    config.steps.forEach((percent, index) => {
      if (index > 0 && percent <= config.steps[index - 1]!) {
        ctx.addIssue({ code: "custom", path: ["steps", index], message: "Each step must move more traffic to green than the one before" });
      }
    });
    if (config.steps.at(-1) !== 100) {
      ctx.addIssue({ code: "custom", path: ["steps"], message: "The last step must be 100 (all traffic on green)" });
    }
  })
  .meta({ id: "CutoverConfig" });

export type CutoverConfig = z.infer<typeof cutoverConfigSchema>;

export const defaultCutoverConfig: CutoverConfig = cutoverConfigSchema.parse({});
