import { route } from "@/lib/http/handler";
import { deleteShift, updateShift } from "@/lib/oncall/oncall";
import { deleteShiftQuery, shiftParams, updateShiftBody } from "@/lib/oncall/oncall.validation";

export const PATCH = route({ permission: "oncall.update", params: shiftParams, body: updateShiftBody }, async ({ actor, params, body }) => ({
  shift: await updateShift(actor, params.releaseId, params.shiftId, body),
}));

export const DELETE = route({ permission: "oncall.update", params: shiftParams, query: deleteShiftQuery }, async ({ actor, params, query }) => ({
  shift: await deleteShift(actor, params.releaseId, params.shiftId, query.version),
}));
