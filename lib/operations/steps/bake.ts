import { z } from "zod";
import { interrupted, sleep } from "./driver-log";
import type { StepDefinition } from "./types";

const paramsSchema = z.strictObject({ seconds: z.int().min(0).max(86_400) });

// `bakedMs` baked before `since`; `since` is when the current attempt started
// waiting, cleared when an attempt is paused.
const checkpointSchema = z.object({ bakedMs: z.number().min(0), since: z.iso.datetime().nullable() });

// Holds the split for a while so problems show before more traffic moves.
// Resumable: a crash leaves `since` set, and the time the server was down
// counts as baked, because traffic kept flowing at this split meanwhile. A
// pause checkpoints what was baked and clears `since`, so the person who
// paused gets the rest of the bake after resuming, not a shortened one.
export const bakeStep: StepDefinition = {
  kind: "bake",
  safeToRepeat: true,
  async run(ctx) {
    const { seconds } = paramsSchema.parse(ctx.params);
    const totalMs = seconds * 1000;
    const prior = checkpointSchema.safeParse(ctx.previousResult);
    const bakedMs = prior.success ? prior.data.bakedMs + (prior.data.since ? Math.max(0, Date.now() - Date.parse(prior.data.since)) : 0) : 0;
    const remainingMs = totalMs - bakedMs;
    if (remainingMs <= 0) {
      await ctx.log("info", `bake of ${seconds} s already complete`);
      return { status: "succeeded", result: { bakedMs: totalMs, since: null } };
    }

    const since = Date.now();
    await ctx.checkpoint({ bakedMs, since: new Date(since).toISOString() });
    await ctx.log("info", prior.success ? `resuming bake: ${formatSeconds(remainingMs)} of ${seconds} s left` : `baking for ${seconds} s`);
    if (!(await sleep(remainingMs, ctx.signal))) {
      await ctx.checkpoint({ bakedMs: bakedMs + (Date.now() - since), since: null });
      return interrupted;
    }
    await ctx.log("info", `bake of ${seconds} s complete`);
    return { status: "succeeded", result: { bakedMs: totalMs, since: null } };
  },
};

function formatSeconds(ms: number): string {
  return `${Math.ceil(ms / 100) / 10} s`;
}
