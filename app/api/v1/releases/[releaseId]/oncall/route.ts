import { route } from "@/lib/http/handler";
import { releaseParams } from "@/lib/http/common.validation";
import { json } from "@/lib/http/respond";
import { createShift, getOnCall } from "@/lib/oncall/oncall";
import { createShiftBody } from "@/lib/oncall/oncall.validation";

export const GET = route({ permission: "release.read", params: releaseParams }, async ({ params }) => getOnCall(params.releaseId));

export const POST = route({ permission: "oncall.update", params: releaseParams, body: createShiftBody }, async ({ actor, params, body }) =>
  json({ shift: await createShift(actor, params.releaseId, body) }, 201),
);
