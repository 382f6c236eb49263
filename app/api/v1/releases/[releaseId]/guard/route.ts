import { getGuardState } from "@/lib/criteria/guard-state";
import { releaseParams } from "@/lib/http/common.validation";
import { route } from "@/lib/http/handler";

export const GET = route({ permission: "release.read", params: releaseParams }, async ({ params }) => ({
  guard: await getGuardState(params.releaseId),
}));
