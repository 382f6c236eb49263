import type { Tx } from "@/lib/db/client";
import { prisma } from "@/lib/db/client";
import type { Progress } from "./releases.validation";

export type SectionProgress = Progress & { requiredOpen: number };

interface CountRow {
  status: string;
  requiredForGoLive: boolean;
  _count: { _all: number };
}

export function emptyProgress(): SectionProgress {
  return { done: 0, applicable: 0, total: 0, requiredOpen: 0 };
}

// Counted by the database in groups, so a release with many items costs one
// small query rather than loading every item.
export async function progressByRelease(releaseIds: string[], db: Tx = prisma): Promise<Map<string, Progress>> {
  const rows = await db.checklistItem.groupBy({
    by: ["releaseId", "status", "requiredForGoLive"],
    where: { releaseId: { in: releaseIds } },
    _count: { _all: true },
  });
  const tallies = tally(rows, (row) => row.releaseId);
  return new Map([...tallies].map(([id, { done, applicable, total }]) => [id, { done, applicable, total }]));
}

export async function progressBySection(releaseId: string, db: Tx = prisma): Promise<Map<string, SectionProgress>> {
  const rows = await db.checklistItem.groupBy({
    by: ["sectionId", "status", "requiredForGoLive"],
    where: { releaseId },
    _count: { _all: true },
  });
  return tally(rows, (row) => row.sectionId);
}

function tally<R extends CountRow>(rows: R[], keyOf: (row: R) => string): Map<string, SectionProgress> {
  const result = new Map<string, SectionProgress>();
  for (const row of rows) {
    const progress = result.get(keyOf(row)) ?? emptyProgress();
    const count = row._count._all;
    progress.total += count;
    if (row.status !== "n_a") progress.applicable += count;
    if (row.status === "done") progress.done += count;
    else if (row.status !== "n_a" && row.requiredForGoLive) progress.requiredOpen += count;
    result.set(keyOf(row), progress);
  }
  return result;
}
