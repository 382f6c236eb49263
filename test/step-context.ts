import { randomUUID } from "node:crypto";
import type { StepContext, StepLogLevel } from "@/lib/operations/steps/types";

export interface RecordingStepContext extends StepContext {
  logs: { level: StepLogLevel; message: string }[];
  checkpoints: unknown[];
  controller: AbortController;
}

// A StepContext without the engine: logs and checkpoints are kept in memory
// for the test to read, and the traffic driver is out of reach (steps that
// need one get their own test harness).
export function recordingStepContext(overrides: Partial<Pick<StepContext, "operationId" | "releaseId" | "previousResult" | "params">> = {}): RecordingStepContext {
  const controller = new AbortController();
  const logs: RecordingStepContext["logs"] = [];
  const checkpoints: unknown[] = [];
  return {
    operationId: overrides.operationId ?? randomUUID(),
    releaseId: overrides.releaseId ?? randomUUID(),
    rehearsal: false,
    stepId: randomUUID(),
    params: overrides.params ?? {},
    previousResult: overrides.previousResult,
    signal: controller.signal,
    controller,
    logs,
    checkpoints,
    async log(level, message) {
      logs.push({ level, message });
    },
    async checkpoint(result) {
      checkpoints.push(result);
    },
    driver() {
      return Promise.reject(new Error("No traffic driver in this test"));
    },
    async recordTraffic() {
      throw new Error("No traffic driver in this test");
    },
  };
}
