import { mutate, type Actor } from "@/lib/audit/mutate";
import { AppError } from "@/lib/errors";
import { createReleaseFromTemplate } from "@/lib/template/create-release";
import { gaReleaseTemplate } from "@/lib/template/load-template";
import { cloneRelease } from "./clone-release";
import type { CreateReleaseInput } from "./create-release.validation";
import { getRelease } from "./get-release";
import type { ReleaseDetail } from "./releases.validation";

// A new release from the built-in template or as a copy of another, audited
// as release.created in the new release's own trail.
export async function createRelease(actor: Actor, input: CreateReleaseInput): Promise<ReleaseDetail> {
  const launchAt = new Date(input.launchAt);
  const { id } = await mutate(actor, async ({ tx, audit }) => {
    const taken = await tx.release.findUnique({ where: { version: input.version }, select: { id: true } });
    if (taken) throw new AppError("CONFLICT", `A release with version "${input.version}" already exists`, { field: "version" });
    const created =
      input.from === "clone"
        ? await cloneRelease(tx, input.sourceReleaseId as string, { version: input.version, launchAt, timezone: input.timezone })
        : await createReleaseFromTemplate(tx, gaReleaseTemplate, { version: input.version, launchAt, timezone: input.timezone });
    await audit({
      releaseId: created.id,
      action: "release.created",
      subjectType: "Release",
      subjectId: created.id,
      after: {
        version: input.version,
        from: input.from,
        ...(input.from === "clone" ? { sourceReleaseId: input.sourceReleaseId } : { templateKey: gaReleaseTemplate.key }),
        launchAt: launchAt.toISOString(),
        timezone: input.timezone,
      },
    });
    return created;
  });
  return getRelease(id);
}
