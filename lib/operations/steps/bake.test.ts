import { describe, expect, it } from "vitest";
import type { TrafficDriver } from "@/lib/drivers/types";
import { bakeStep } from "./bake";
import type { StepContext } from "./types";

function context(seconds: number, previousResult: unknown, signal = new AbortController().signal) {
  const checkpoints: unknown[] = [];
  const ctx: StepContext = {
    operationId: "op",
    releaseId: "release",
    rehearsal: false,
    stepId: "step",
    params: { seconds },
    driver: () => Promise.reject(new Error("bake needs no driver")) as Promise<TrafficDriver>,
    log: async () => undefined,
    signal,
    previousResult,
    checkpoint: async (result) => {
      checkpoints.push(result);
    },
    recordTraffic: async () => undefined,
  };
  return { ctx, checkpoints };
}

describe("bake", () => {
  it("waits the full time on its first attempt and checkpoints when it started", async () => {
    const { ctx, checkpoints } = context(1, undefined);
    const started = Date.now();
    expect(await bakeStep.run(ctx)).toMatchObject({ status: "succeeded" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
    expect(checkpoints[0]).toMatchObject({ bakedMs: 0, since: expect.any(String) });
  });

  it("after a crash counts the time since it started (traffic kept flowing) and waits only the rest", async () => {
    const since = new Date(Date.now() - 60_000).toISOString();
    const { ctx } = context(61, { bakedMs: 0, since });
    const started = Date.now();
    expect(await bakeStep.run(ctx)).toMatchObject({ status: "succeeded" });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("after a pause waits only what was left when paused", async () => {
    const { ctx } = context(10, { bakedMs: 9_800, since: null });
    const started = Date.now();
    expect(await bakeStep.run(ctx)).toMatchObject({ status: "succeeded" });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("stops at once when its signal fires and checkpoints what it baked", async () => {
    const controller = new AbortController();
    const { ctx, checkpoints } = context(60, undefined, controller.signal);
    setTimeout(() => controller.abort("paused"), 100);
    const started = Date.now();
    await bakeStep.run(ctx);
    expect(Date.now() - started).toBeLessThan(1000);
    const last = checkpoints.at(-1) as { bakedMs: number; since: string | null };
    expect(last.since).toBeNull();
    expect(last.bakedMs).toBeGreaterThanOrEqual(90);
  });
});
