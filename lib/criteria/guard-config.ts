import { z } from "zod";

// Setting key `guard`: what the rollback guard does about a breached rollback
// criterion whose action is "propose_rollback" — propose it (an alert with a
// one-click rollback behind the Rollback gate) or start it at once — and how
// long after a successful cutover it keeps watching. A criterion's own
// action "auto_rollback" starts the rollback whatever this says; "none" only
// records and alerts.
export const guardSettingKey = "guard";

export const guardConfigSchema = z
  .strictObject({
    policy: z.enum(["propose", "auto"]).default("propose"),
    stabilisationHours: z
      .int()
      .min(0)
      .max(24 * 30)
      .default(48)
      .meta({ description: "Hours after the cutover succeeded during which the guard keeps watching" }),
  })
  .meta({ id: "GuardConfig" });

export type GuardConfig = z.output<typeof guardConfigSchema>;

export const defaultGuardConfig: GuardConfig = { policy: "propose", stabilisationHours: 48 };
