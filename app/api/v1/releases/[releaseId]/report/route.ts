import { route } from "@/lib/http/handler";
import { releaseParams } from "@/lib/http/common.validation";
import { buildReleaseReport } from "@/lib/report/build-report";

export const GET = route({ permission: "release.read", params: releaseParams }, async ({ params }) => ({ report: await buildReleaseReport(params.releaseId) }));
