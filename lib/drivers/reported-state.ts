import { z } from "zod";
import { greenPercentFromWeights } from "./split";
import type { Environment, EnvironmentHealth, TrafficState } from "./types";

// What a team's script or pipeline reports about its traffic layer, shared by
// the command driver (JSON on stdout) and the webhook driver (JSON response).

export const environmentHealthSchema = z.object({ healthy: z.boolean(), detail: z.string().default("") });

export const reportedStateSchema = z.object({
  greenPercent: z.number().min(0).max(100),
  weights: z.object({ blue: z.number().min(0), green: z.number().min(0) }).optional(),
  health: z.object({ blue: environmentHealthSchema, green: environmentHealthSchema }).optional(),
});
export type ReportedState = z.infer<typeof reportedStateSchema>;

// Weights, when reported, are the truth and the share is derived from them.
// Health not reported is asked for, never assumed.
export async function toTrafficState(
  reported: ReportedState,
  healthOf: (environment: Environment) => Promise<EnvironmentHealth>,
): Promise<TrafficState> {
  const weights = reported.weights ?? { blue: 100 - reported.greenPercent, green: reported.greenPercent };
  const health = reported.health ?? { blue: await healthOf("blue"), green: await healthOf("green") };
  return { greenPercent: reported.weights ? greenPercentFromWeights(weights) : reported.greenPercent, weights, health, raw: reported };
}

export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`).join("; ");
}
