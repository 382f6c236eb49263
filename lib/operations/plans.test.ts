import { describe, expect, it } from "vitest";
import { cutoverConfigSchema, defaultCutoverConfig } from "./cutover-config";
import { cutoverPlan, migrationPlan, rollbackPlan } from "./plans";

describe("cutover plan", () => {
  it("health-checks green, then moves, bakes and analyses at each default step", () => {
    expect(defaultCutoverConfig).toEqual({ steps: [10, 25, 50, 100], bakeSeconds: 300 });
    const plan = cutoverPlan(defaultCutoverConfig);
    expect(plan[0]).toEqual({ kind: "health_check", params: { environment: "green" } });
    expect(plan.slice(1, 4)).toEqual([
      { kind: "set_split", params: { greenPercent: 10 } },
      { kind: "bake", params: { seconds: 300 } },
      { kind: "analysis", params: {} },
    ]);
    expect(plan.filter((step) => step.kind === "set_split").map((step) => step.params.greenPercent)).toEqual([10, 25, 50, 100]);
  });

  it("refuses steps that do not rise or do not end at 100", () => {
    expect(cutoverConfigSchema.safeParse({ steps: [50, 25, 100] }).success).toBe(false);
    expect(cutoverConfigSchema.safeParse({ steps: [10, 50] }).success).toBe(false);
    expect(cutoverConfigSchema.safeParse({ steps: [100], bakeSeconds: 0 }).success).toBe(true);
  });
});

describe("migration and rollback plans", () => {
  it("turns read-only on and off around the migration only when chosen", () => {
    expect(migrationPlan({ readOnly: false }).map((step) => step.kind)).toEqual(["backup", "migrate", "integrity"]);
    expect(migrationPlan({ readOnly: true }).map((step) => step.kind)).toEqual(["backup", "read_only_on", "migrate", "integrity", "read_only_off"]);
  });

  it("always moves traffic to blue first and rolls the database back only when asked", () => {
    expect(rollbackPlan({ rollbackDatabase: false }).map((step) => step.kind)).toEqual(["traffic_to_blue", "notify", "request_report"]);
    expect(rollbackPlan({ rollbackDatabase: true }).map((step) => step.kind)).toEqual(["traffic_to_blue", "rollback_db", "notify", "request_report"]);
  });
});
