import { route } from "@/lib/http/handler";
import { releaseParams } from "@/lib/http/common.validation";
import { listTeams } from "@/lib/teams/teams";

export const GET = route({ permission: "release.read", params: releaseParams }, async ({ params }) => ({ teams: await listTeams(params.releaseId) }));
