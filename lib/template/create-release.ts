import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { ensureAnnouncements } from "@/lib/announcements/ensure-announcements";
import { AppError } from "@/lib/errors";
import { templateCriterionFields, type ReleaseTemplate, type TemplateGate } from "./load-template";
import { applyOffset, isValidTimeZone } from "./zoned-time";

export interface CreateReleaseOptions {
  version: string;
  launchAt: Date;
  timezone: string;
  isDemo?: boolean;
  nameKo?: string;
  nameEn?: string;
}

// Writes a release and everything the template plans for it inside the
// caller's transaction (so the caller audits it alongside). Ids are made here
// so each table is one bulk insert.
export async function createReleaseFromTemplate(
  tx: Tx,
  template: ReleaseTemplate,
  opts: CreateReleaseOptions,
): Promise<{ id: string }> {
  if (!isValidTimeZone(opts.timezone)) {
    throw new AppError("VALIDATION_FAILED", `Unknown time zone "${opts.timezone}"; use an IANA name such as Asia/Seoul`);
  }
  if (Number.isNaN(opts.launchAt.getTime())) throw new AppError("VALIDATION_FAILED", "launchAt is not a valid date");
  const at = (offset: Parameters<typeof applyOffset>[1]) => applyOffset(opts.launchAt, offset, opts.timezone);
  const releaseId = randomUUID();

  await tx.release.create({
    data: {
      id: releaseId,
      version: opts.version,
      nameKo: opts.nameKo ?? `${template.name.ko} ${opts.version}`,
      nameEn: opts.nameEn ?? `${template.name.en} ${opts.version}`,
      overviewKo: template.overview.ko,
      overviewEn: template.overview.en,
      goalsKo: template.goals.map((goal) => goal.ko),
      goalsEn: template.goals.map((goal) => goal.en),
      timezone: opts.timezone,
      windowStart: at(template.launchWindow.start),
      windowEnd: at(template.launchWindow.end),
      templateKey: template.key,
      isDemo: opts.isDemo ?? false,
      rollbackProcedureKo: template.rollback.procedure.map((step) => step.ko),
      rollbackProcedureEn: template.rollback.procedure.map((step) => step.en),
      afterRollbackKo: template.rollback.afterRollback.map((step) => step.ko),
      afterRollbackEn: template.rollback.afterRollback.map((step) => step.en),
    },
  });

  await tx.team.createMany({
    data: template.teams.map((team, position) => ({
      releaseId,
      key: team.key,
      position,
      nameKo: team.name.ko,
      nameEn: team.name.en,
      responsibilityKo: team.responsibility.ko,
      responsibilityEn: team.responsibility.en,
      headcount: team.headcount,
    })),
  });

  const sections = template.checklist.map((section, position) => ({ id: randomUUID(), position, section }));
  await tx.checklistSection.createMany({
    data: sections.map(({ id, position, section }) => ({
      id,
      releaseId,
      key: section.key,
      position,
      titleKo: section.title.ko,
      titleEn: section.title.en,
    })),
  });
  await tx.checklistItem.createMany({
    data: sections.flatMap(({ id: sectionId, section }) =>
      section.items.map((item, position) => ({
        releaseId,
        sectionId,
        key: item.key,
        position,
        titleKo: item.title.ko,
        titleEn: item.title.en,
        requiredForGoLive: item.requiredForGoLive,
        dueAt: section.due ? at(section.due) : null,
      })),
    ),
  });

  const phases = template.phases.map((phase, position) => ({ id: randomUUID(), position, phase }));
  await tx.phase.createMany({
    data: phases.map(({ id, position, phase }) => ({
      id,
      releaseId,
      key: phase.key,
      position,
      kind: phase.kind,
      titleKo: phase.title.ko,
      titleEn: phase.title.en,
      ownerTeams: phase.ownerTeams,
      dependsOn: phase.dependsOn,
      startsAt: at(phase.start),
      endsAt: phase.end ? at(phase.end) : null,
    })),
  });
  await tx.phaseTask.createMany({
    data: phases.flatMap(({ id: phaseId, phase }) =>
      phase.tasks.map((task, position) => ({ phaseId, position, titleKo: task.ko, titleEn: task.en })),
    ),
  });

  const criteria = [
    ...template.rollback.criteria.map((criterion, position) => ({ kind: "rollback" as const, position, criterion })),
    ...template.successCriteria.map((criterion, position) => ({ kind: "success" as const, position, criterion })),
  ];
  await tx.criterion.createMany({
    data: criteria.map(({ kind, position, criterion }) => ({
      releaseId,
      key: criterion.key,
      position,
      titleKo: criterion.title.ko,
      titleEn: criterion.title.en,
      ...templateCriterionFields(kind, criterion),
    })),
  });

  await tx.risk.createMany({
    data: template.risks.map((risk, position) => ({
      releaseId,
      key: risk.key,
      position,
      titleKo: risk.title.ko,
      titleEn: risk.title.en,
      impactKo: risk.impact.ko,
      impactEn: risk.impact.en,
      mitigationKo: risk.mitigation.ko,
      mitigationEn: risk.mitigation.en,
      severity: risk.severity,
      likelihood: risk.likelihood,
    })),
  });

  await tx.gate.createMany({ data: template.gates.map((gate, position) => gateRow(releaseId, gate, position)) });
  await ensureAnnouncements(tx, releaseId, template);

  return { id: releaseId };
}

// Shared with ensureGates (lib/gates), which adds the template's gates to
// releases created before gates existed.
export function gateRow(releaseId: string, gate: TemplateGate, position: number): Prisma.GateCreateManyInput {
  return {
    releaseId,
    key: gate.key,
    position,
    titleKo: gate.title.ko,
    titleEn: gate.title.en,
    requiredRoles: gate.requiredRoles,
    approvalsNeeded: gate.approvalsNeeded,
    allowSelfApproval: gate.allowSelfApproval,
    approvalTtlSec: gate.approvalTtlSec ?? null,
    requiredItemKeys: gate.requiredItemKeys,
  };
}
