import type { Prisma } from "@/lib/db/generated/client";
import { phaseStatusFromOperations, type OperationFact } from "./phase-status";
import type { PhaseDto } from "./phases.validation";

export const phaseSelect = {
  id: true,
  key: true,
  position: true,
  kind: true,
  titleKo: true,
  titleEn: true,
  ownerTeams: true,
  dependsOn: true,
  startsAt: true,
  endsAt: true,
  status: true,
  version: true,
  tasks: { orderBy: { position: "asc" }, select: { id: true, titleKo: true, titleEn: true, done: true } },
} as const satisfies Prisma.PhaseSelect;

export type PhaseRow = Prisma.PhaseGetPayload<{ select: typeof phaseSelect }>;

export const operationFactSelect = { kind: true, status: true, rehearsal: true, createdAt: true } as const satisfies Prisma.OperationSelect;

export function toPhaseDto(phase: PhaseRow, operations: readonly OperationFact[]): PhaseDto {
  return {
    id: phase.id,
    key: phase.key,
    position: phase.position,
    kind: phase.kind,
    title: { ko: phase.titleKo, en: phase.titleEn },
    ownerTeams: phase.ownerTeams,
    dependsOn: phase.dependsOn,
    startsAt: phase.startsAt.toISOString(),
    endsAt: phase.endsAt?.toISOString() ?? null,
    status: phaseStatusFromOperations(phase, operations),
    plannedStatus: phase.status,
    tasks: phase.tasks.map((task) => ({ id: task.id, title: { ko: task.titleKo, en: task.titleEn }, done: task.done })),
    version: phase.version,
  };
}
