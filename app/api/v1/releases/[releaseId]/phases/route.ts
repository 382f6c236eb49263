import { route } from "@/lib/http/handler";
import { releaseParams } from "@/lib/http/common.validation";
import { listPhases } from "@/lib/phases/list-phases";

export const GET = route({ permission: "release.read", params: releaseParams }, async ({ params }) => ({ phases: await listPhases(params.releaseId) }));
