import { prisma } from "@/lib/db/client";
import { assertReleaseExists } from "@/lib/releases/get-release";
import { operationFactSelect, phaseSelect, toPhaseDto } from "./phase-dto";
import type { PhaseDto } from "./phases.validation";

export async function listPhases(releaseId: string): Promise<PhaseDto[]> {
  await assertReleaseExists(releaseId);
  const [phases, operations] = await Promise.all([
    prisma.phase.findMany({ where: { releaseId }, orderBy: { position: "asc" }, select: phaseSelect }),
    prisma.operation.findMany({ where: { releaseId, kind: { in: ["cutover", "migration"] } }, select: operationFactSelect }),
  ]);
  return phases.map((phase) => toPhaseDto(phase, operations));
}
