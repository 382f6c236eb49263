import { getScorecard } from "@/lib/criteria/scorecard";
import { releaseParams } from "@/lib/http/common.validation";
import { route } from "@/lib/http/handler";

export const GET = route({ permission: "release.read", params: releaseParams }, async ({ params }) => ({
  scorecard: await getScorecard(params.releaseId),
}));
