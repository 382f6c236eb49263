import type { DriverLog } from "@/lib/drivers/types";
import type { StepContext } from "./types";

// Drivers log synchronously; the step context persists asynchronously and
// keeps the lines in call order, so a fire-and-forget bridge is enough.
export function driverLogFor(ctx: StepContext): DriverLog {
  return (level, message) => {
    void ctx.log(level, message);
  };
}

// Resolves true once `ms` have passed, false as soon as `signal` fires.
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve(true);
    }, Math.max(0, ms));
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

// A step's outcome when its signal fired; the engine discards it.
export const interrupted = { status: "failed", reason: "interrupted" } as const;
