import type { OperationStep } from "@/lib/client/types";

type Translate = (key: string, values?: Record<string, string | number>) => string;

const knownSteps = [
  "health_check",
  "set_split",
  "bake",
  "analysis",
  "backup",
  "read_only_on",
  "migrate",
  "integrity",
  "read_only_off",
  "traffic_to_blue",
  "rollback_db",
  "notify",
  "request_report",
] as const;

// "Set green to 25 %", "Bake 300 s": the step kind with the one parameter that
// tells the steps of a plan apart.
export function stepLabel(step: OperationStep, t: Translate): string {
  if (!(knownSteps as readonly string[]).includes(step.kind)) return step.kind;
  const params = typeof step.params === "object" && step.params !== null ? (step.params as Record<string, unknown>) : {};
  return t(`step.${step.kind}`, {
    greenPercent: numberParam(params.greenPercent),
    seconds: numberParam(params.seconds),
    environment: typeof params.environment === "string" ? params.environment : "green",
  });
}

function numberParam(value: unknown): number {
  return typeof value === "number" ? value : 0;
}
