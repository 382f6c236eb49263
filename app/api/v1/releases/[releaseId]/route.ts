import { releaseParams } from "@/lib/http/common.validation";
import { route } from "@/lib/http/handler";
import { getRelease } from "@/lib/releases/get-release";

export const GET = route({ permission: "release.read", params: releaseParams }, async ({ params }) => ({
  release: await getRelease(params.releaseId),
}));
