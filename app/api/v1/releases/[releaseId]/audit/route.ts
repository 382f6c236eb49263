import { auditQuery } from "@/lib/audit/audit.validation";
import { listAuditEvents } from "@/lib/audit/list-events";
import { releaseParams } from "@/lib/http/common.validation";
import { route } from "@/lib/http/handler";

export const GET = route({ permission: "audit.read", params: releaseParams, query: auditQuery }, async ({ params, query }) =>
  listAuditEvents(params.releaseId, query),
);
