import { itemParams, updateItemBody } from "@/lib/checklist/checklist.validation";
import { updateChecklistItem } from "@/lib/checklist/update-item";
import { route } from "@/lib/http/handler";

export const PATCH = route(
  { permission: "checklist.update", params: itemParams, body: updateItemBody },
  async ({ user, actor, params, body }) => ({
    item: await updateChecklistItem(actor, user, params.releaseId, params.itemId, body),
  }),
);
