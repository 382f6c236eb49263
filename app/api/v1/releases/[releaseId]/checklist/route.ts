import { checklistQuery } from "@/lib/checklist/checklist.validation";
import { getChecklist } from "@/lib/checklist/get-checklist";
import { releaseParams } from "@/lib/http/common.validation";
import { route } from "@/lib/http/handler";

export const GET = route({ permission: "release.read", params: releaseParams, query: checklistQuery }, async ({ user, params, query }) =>
  getChecklist(params.releaseId, query.filter, user.id),
);
