import { route } from "@/lib/http/handler";
import { listReleases } from "@/lib/releases/list-releases";

export const GET = route({ permission: "release.read" }, async () => ({ releases: await listReleases() }));
