import { route } from "@/lib/http/handler";
import { json } from "@/lib/http/respond";
import { createRelease } from "@/lib/releases/create-release";
import { createReleaseBody } from "@/lib/releases/create-release.validation";
import { listReleases } from "@/lib/releases/list-releases";

export const GET = route({ permission: "release.read" }, async () => ({ releases: await listReleases() }));

export const POST = route({ permission: "release.create", body: createReleaseBody }, async ({ actor, body }) =>
  json({ release: await createRelease(actor, body) }, 201),
);
