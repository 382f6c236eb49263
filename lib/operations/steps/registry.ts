import { migrationSteps } from "@/lib/operations/migration/steps";
import { analysisStep } from "./analysis";
import { bakeStep } from "./bake";
import { healthCheckStep } from "./health-check";
import { notifyStep } from "./notify";
import { requestReportStep } from "./request-report";
import { setSplitStep } from "./set-split";
import { trafficToBlueStep } from "./traffic-to-blue";
import type { StepDefinition } from "./types";

const definitions = new Map<string, StepDefinition>();

// Every step kind a plan may name. `registerStep` exists for processes that
// bring their own kinds (the crash test's worker adds a deliberately
// unrepeatable one); a kind is registered once.
export function registerStep(definition: StepDefinition): void {
  if (definitions.has(definition.kind)) throw new Error(`Step kind "${definition.kind}" is already registered`);
  definitions.set(definition.kind, definition);
}

export function stepDefinition(kind: string): StepDefinition | null {
  return definitions.get(kind) ?? null;
}

for (const definition of [healthCheckStep, setSplitStep, bakeStep, analysisStep, trafficToBlueStep, notifyStep, requestReportStep, ...migrationSteps]) {
  registerStep(definition);
}
