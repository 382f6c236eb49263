import type { StepDefinition } from "./types";

// The rollback's last step: the release now expects a rollback report (cause,
// fix plan, new schedule). listRollbackReports reports a rollback whose
// request_report step succeeded and that has no report yet as outstanding.
export const requestReportStep: StepDefinition = {
  kind: "request_report",
  safeToRepeat: true,
  async run(ctx) {
    await ctx.log("info", "a rollback report (cause, fix plan, new schedule) is now expected for this release");
    return { status: "succeeded", result: { reportRequested: true } };
  },
};
