import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { emptyProgress, progressBySection } from "./progress";
import type { ReleaseDetail } from "./releases.validation";
import { summarySelect, toReleaseSummary, zipLocalized } from "./summary";

const byPosition = { orderBy: { position: "asc" } } as const;

export async function getRelease(releaseId: string): Promise<ReleaseDetail> {
  const release = await prisma.release.findUnique({
    where: { id: releaseId },
    select: {
      ...summarySelect,
      overviewKo: true,
      overviewEn: true,
      goalsKo: true,
      goalsEn: true,
      rollbackProcedureKo: true,
      rollbackProcedureEn: true,
      afterRollbackKo: true,
      afterRollbackEn: true,
      eventSeq: true,
      sections: byPosition,
      phases: { ...byPosition, include: { tasks: byPosition } },
      teams: byPosition,
      criteria: { orderBy: [{ kind: "asc" }, { position: "asc" }] },
      risks: byPosition,
    },
  });
  if (!release) throw new AppError("NOT_FOUND", "Release not found");
  const sectionProgress = await progressBySection(releaseId);
  const total = { done: 0, applicable: 0, total: 0 };
  const sections = release.sections.map((section) => {
    const { requiredOpen, ...progress } = sectionProgress.get(section.id) ?? emptyProgress();
    total.done += progress.done;
    total.applicable += progress.applicable;
    total.total += progress.total;
    return { id: section.id, key: section.key, position: section.position, title: { ko: section.titleKo, en: section.titleEn }, progress, requiredOpen };
  });
  return {
    ...toReleaseSummary(release, total),
    overview: { ko: release.overviewKo, en: release.overviewEn },
    goals: zipLocalized(release.goalsKo, release.goalsEn),
    rollbackProcedure: zipLocalized(release.rollbackProcedureKo, release.rollbackProcedureEn),
    afterRollback: zipLocalized(release.afterRollbackKo, release.afterRollbackEn),
    eventSeq: release.eventSeq,
    sections,
    phases: release.phases.map((phase) => ({
      id: phase.id,
      key: phase.key,
      position: phase.position,
      kind: phase.kind,
      title: { ko: phase.titleKo, en: phase.titleEn },
      ownerTeams: phase.ownerTeams,
      startsAt: phase.startsAt.toISOString(),
      endsAt: phase.endsAt?.toISOString() ?? null,
      status: phase.status,
      tasks: phase.tasks.map((task) => ({ id: task.id, title: { ko: task.titleKo, en: task.titleEn }, done: task.done })),
    })),
    teams: release.teams.map((team) => ({
      id: team.id,
      key: team.key,
      name: { ko: team.nameKo, en: team.nameEn },
      responsibility: { ko: team.responsibilityKo, en: team.responsibilityEn },
      headcount: team.headcount,
    })),
    criteria: release.criteria.map((criterion) => ({
      id: criterion.id,
      kind: criterion.kind,
      key: criterion.key,
      title: { ko: criterion.titleKo, en: criterion.titleEn },
      metric: criterion.metric,
      aggregation: criterion.aggregation,
      comparator: criterion.comparator,
      threshold: criterion.threshold,
      windowSec: criterion.windowSec,
    })),
    risks: release.risks.map((risk) => ({
      id: risk.id,
      key: risk.key,
      title: { ko: risk.titleKo, en: risk.titleEn },
      impact: { ko: risk.impactKo, en: risk.impactEn },
      mitigation: { ko: risk.mitigationKo, en: risk.mitigationEn },
      severity: risk.severity,
      likelihood: risk.likelihood,
      status: risk.status,
    })),
  };
}

// Used by routes under a release, so an unknown release is a 404 before
// anything else is looked up.
export async function assertReleaseExists(releaseId: string): Promise<void> {
  const found = await prisma.release.findUnique({ where: { id: releaseId }, select: { id: true } });
  if (!found) throw new AppError("NOT_FOUND", "Release not found");
}
