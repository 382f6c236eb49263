import type { MigrationConfig } from "./migration/config";
import type { CutoverConfig } from "./cutover-config";

export interface PlannedStep {
  kind: string;
  params: Record<string, unknown>;
}

// Green is checked before any user reaches it; then per traffic step: move,
// hold for the bake time, look (analysis) before moving more. The last step
// (100 %) is analysed too: the cutover is done only once green holds everyone.
export function cutoverPlan(config: CutoverConfig): PlannedStep[] {
  const plan: PlannedStep[] = [{ kind: "health_check", params: { environment: "green" } }];
  for (const greenPercent of config.steps) {
    plan.push({ kind: "set_split", params: { greenPercent } });
    plan.push({ kind: "bake", params: { seconds: config.bakeSeconds } });
    plan.push({ kind: "analysis", params: {} });
  }
  return plan;
}

// Migration steps read their settings when they run (the target URL is a
// secret and stays out of the plan); only the shape of the plan comes from
// the config.
export function migrationPlan(config: Pick<MigrationConfig, "readOnly">): PlannedStep[] {
  return [
    { kind: "backup", params: {} },
    ...(config.readOnly ? [{ kind: "read_only_on", params: {} }] : []),
    { kind: "migrate", params: {} },
    { kind: "integrity", params: {} },
    ...(config.readOnly ? [{ kind: "read_only_off", params: {} }] : []),
  ];
}

// The seed's rollback procedure: traffic to blue first, always; the database
// rollback script when a migration ran; a notice; then the report form.
export function rollbackPlan(options: { rollbackDatabase: boolean }): PlannedStep[] {
  return [
    { kind: "traffic_to_blue", params: {} },
    ...(options.rollbackDatabase ? [{ kind: "rollback_db", params: {} }] : []),
    { kind: "notify", params: { event: "rollback.started" } },
    { kind: "request_report", params: {} },
  ];
}
