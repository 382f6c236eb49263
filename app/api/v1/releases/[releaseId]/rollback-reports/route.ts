import { route } from "@/lib/http/handler";
import { json } from "@/lib/http/respond";
import { createRollbackReportBody, releaseParams } from "@/lib/operations/operations.validation";
import { createRollbackReport, listRollbackReports } from "@/lib/operations/rollback-reports";

export const GET = route({ permission: "release.read", params: releaseParams }, async ({ params }) => listRollbackReports(params.releaseId));

export const POST = route({ permission: "operation.control", params: releaseParams, body: createRollbackReportBody }, async ({ user, actor, params, body }) =>
  json({ report: await createRollbackReport(actor, user, params.releaseId, body) }, 201),
);
