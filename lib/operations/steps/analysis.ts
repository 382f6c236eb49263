import { analyseRollbackCriteria } from "@/lib/criteria/cutover-analysis";
import { driverLogFor } from "./driver-log";
import type { StepContext, StepDefinition } from "./types";

export interface AnalysisVerdict {
  ok: boolean;
  detail: string;
  // What a verdict that is not ok does to the operation: park it for a
  // person (needs_attention, the default), abort it back to blue, or pause it.
  onFailure?: "park" | "abort" | "pause";
  // Stored with the step's failure and the operation's audit event.
  details?: unknown;
}

export type AnalysisHook = (ctx: StepContext) => Promise<AnalysisVerdict>;

// What the analysis between traffic steps checks, by name, run in insertion
// order: the release's rollback criteria over the time since the split was
// set (lib/criteria/cutover-analysis.ts), then green's health. The criteria
// come first because their failure puts traffic back on blue, where a
// failed health check only parks the operation with traffic left as it is.
// Other checks add theirs with `analysisHooks.set(name, hook)`.
export const analysisHooks = new Map<string, AnalysisHook>([
  ["rollback-criteria", analyseRollbackCriteria],
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
      if (!verdict.ok) {
        switch (verdict.onFailure ?? "park") {
          case "abort":
            return { status: "abort", reason: `analysis ${hook} failed: ${verdict.detail}`, details: verdict.details };
          case "pause":
            return { status: "pause", reason: `analysis ${hook} inconclusive: ${verdict.detail}`, details: verdict.details };
          case "park":
            return { status: "needs_attention", reason: `analysis ${hook} failed: ${verdict.detail}` };
        }
      }
    }
    return { status: "succeeded", result: { verdicts } };
  },
};
