import { driverLogFor } from "./driver-log";
import type { StepContext, StepDefinition } from "./types";

export interface AnalysisVerdict {
  ok: boolean;
  detail: string;
}

export type AnalysisHook = (ctx: StepContext) => Promise<AnalysisVerdict>;

// What the analysis between traffic steps checks, by name, run in insertion
// order. Green's health is the built-in one; the metrics criteria add theirs
// with `analysisHooks.set(name, hook)`.
export const analysisHooks = new Map<string, AnalysisHook>([
  [
    "green-health",
    async (ctx) => {
      const driver = await ctx.driver();
      const health = await driver.healthCheck("green", driverLogFor(ctx));
      return { ok: health.healthy, detail: `green ${health.healthy ? "healthy" : "unhealthy"}: ${health.detail}` };
    },
  ],
]);

export const analysisStep: StepDefinition = {
  kind: "analysis",
  safeToRepeat: true,
  async run(ctx) {
    const verdicts: (AnalysisVerdict & { hook: string })[] = [];
    for (const [hook, analyse] of analysisHooks) {
      const verdict = await analyse(ctx);
      verdicts.push({ hook, ...verdict });
      await ctx.log(verdict.ok ? "info" : "error", `analysis ${hook}: ${verdict.detail}`);
      if (!verdict.ok) return { status: "needs_attention", reason: `analysis ${hook} failed: ${verdict.detail}` };
    }
    return { status: "succeeded", result: { verdicts } };
  },
};
