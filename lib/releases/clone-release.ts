import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { isValidTimeZone } from "@/lib/template/zoned-time";

export interface CloneOptions {
  version: string;
  launchAt: Date;
  timezone: string;
}

// Copies a release's plan, not its history: checklist items start over as
// todo, gates as pending with no decisions, phases unstarted, risks open.
// Every planned time moves by (new launch − source launch), the source's
// launch being the start of its window.
export async function cloneRelease(tx: Tx, sourceReleaseId: string, opts: CloneOptions): Promise<{ id: string; shiftMs: number }> {
  if (!isValidTimeZone(opts.timezone)) {
    throw new AppError("VALIDATION_FAILED", `Unknown time zone "${opts.timezone}"; use an IANA name such as Asia/Seoul`, [
      { path: ["timezone"], message: "Unknown time zone", code: "invalid_value" },
    ]);
  }
  const byPosition = { orderBy: { position: "asc" } } as const;
  const source = await tx.release.findUnique({
    where: { id: sourceReleaseId },
    include: {
      sections: { ...byPosition, include: { items: byPosition } },
      phases: { ...byPosition, include: { tasks: byPosition } },
      teams: { ...byPosition, include: { members: true } },
      criteria: byPosition,
      risks: byPosition,
      gates: byPosition,
    },
  });
  if (!source) {
    throw new AppError("VALIDATION_FAILED", "The release to clone does not exist", [{ path: ["sourceReleaseId"], message: "Unknown release", code: "invalid_value" }]);
  }
  const shiftMs = opts.launchAt.getTime() - source.windowStart.getTime();
  const shift = (date: Date) => new Date(date.getTime() + shiftMs);
  const shiftOrNull = (date: Date | null) => (date ? shift(date) : null);
  const releaseId = randomUUID();

  await tx.release.create({
    data: {
      id: releaseId,
      version: opts.version,
      nameKo: renamed(source.nameKo, source.version, opts.version),
      nameEn: renamed(source.nameEn, source.version, opts.version),
      overviewKo: source.overviewKo,
      overviewEn: source.overviewEn,
      goalsKo: source.goalsKo,
      goalsEn: source.goalsEn,
      timezone: opts.timezone,
      windowStart: shift(source.windowStart),
      windowEnd: shift(source.windowEnd),
      templateKey: source.templateKey,
      rollbackProcedureKo: source.rollbackProcedureKo,
      rollbackProcedureEn: source.rollbackProcedureEn,
      afterRollbackKo: source.afterRollbackKo,
      afterRollbackEn: source.afterRollbackEn,
    },
  });

  const teams = source.teams.map((team) => ({ id: randomUUID(), team }));
  await tx.team.createMany({
    data: teams.map(({ id, team }) => ({
      id,
      releaseId,
      key: team.key,
      position: team.position,
      nameKo: team.nameKo,
      nameEn: team.nameEn,
      responsibilityKo: team.responsibilityKo,
      responsibilityEn: team.responsibilityEn,
      headcount: team.headcount,
    })),
  });
  await tx.teamMember.createMany({
    data: teams.flatMap(({ id, team }) => team.members.map((member) => ({ teamId: id, userId: member.userId, roleInTeam: member.roleInTeam }))),
  });

  const sections = source.sections.map((section) => ({ id: randomUUID(), section }));
  await tx.checklistSection.createMany({
    data: sections.map(({ id, section }) => ({ id, releaseId, key: section.key, position: section.position, titleKo: section.titleKo, titleEn: section.titleEn })),
  });
  await tx.checklistItem.createMany({
    data: sections.flatMap(({ id: sectionId, section }) =>
      section.items.map((item) => ({
        releaseId,
        sectionId,
        key: item.key,
        position: item.position,
        titleKo: item.titleKo,
        titleEn: item.titleEn,
        requiredForGoLive: item.requiredForGoLive,
        assigneeId: item.assigneeId,
        dueAt: shiftOrNull(item.dueAt),
      })),
    ),
  });

  const phases = source.phases.map((phase) => ({ id: randomUUID(), phase }));
  await tx.phase.createMany({
    data: phases.map(({ id, phase }) => ({
      id,
      releaseId,
      key: phase.key,
      position: phase.position,
      kind: phase.kind,
      titleKo: phase.titleKo,
      titleEn: phase.titleEn,
      ownerTeams: phase.ownerTeams,
      dependsOn: phase.dependsOn,
      startsAt: shift(phase.startsAt),
      endsAt: shiftOrNull(phase.endsAt),
    })),
  });
  await tx.phaseTask.createMany({
    data: phases.flatMap(({ id: phaseId, phase }) => phase.tasks.map((task) => ({ phaseId, position: task.position, titleKo: task.titleKo, titleEn: task.titleEn }))),
  });

  await tx.criterion.createMany({
    data: source.criteria.map(({ id: _id, releaseId: _release, version: _version, ...criterion }) => ({ ...criterion, releaseId })),
  });
  await tx.risk.createMany({
    data: source.risks.map(({ id: _id, releaseId: _release, version: _version, status: _status, ...risk }) => ({ ...risk, releaseId })),
  });
  await tx.gate.createMany({
    data: source.gates.map((gate) => ({
      releaseId,
      key: gate.key,
      position: gate.position,
      titleKo: gate.titleKo,
      titleEn: gate.titleEn,
      requiredRoles: gate.requiredRoles,
      approvalsNeeded: gate.approvalsNeeded,
      allowSelfApproval: gate.allowSelfApproval,
      approvalTtlSec: gate.approvalTtlSec,
      requiredItemKeys: gate.requiredItemKeys,
    })),
  });
  return { id: releaseId, shiftMs };
}

// "GA release v2.0.0" becomes "GA release v2.1.0"; a name without the
// version keeps its wording and gains the new version.
function renamed(name: string, oldVersion: string, newVersion: string): string {
  return name.includes(oldVersion) ? name.split(oldVersion).join(newVersion) : `${name} ${newVersion}`;
}
