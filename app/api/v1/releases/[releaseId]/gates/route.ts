import { listGates } from "@/lib/gates/list-gates";
import { releaseParams } from "@/lib/http/common.validation";
import { route } from "@/lib/http/handler";

export const GET = route({ permission: "release.read", params: releaseParams }, async ({ params }) => ({
  gates: await listGates(params.releaseId),
}));
