import { prisma } from "@/lib/db/client";
import { progressByRelease } from "./progress";
import type { ReleaseSummary } from "./releases.validation";
import { summarySelect, toReleaseSummary } from "./summary";

export async function listReleases(): Promise<ReleaseSummary[]> {
  const releases = await prisma.release.findMany({ select: summarySelect, orderBy: [{ windowStart: "desc" }, { version: "desc" }] });
  const progress = await progressByRelease(releases.map((release) => release.id));
  return releases.map((release) => toReleaseSummary(release, progress.get(release.id)));
}
