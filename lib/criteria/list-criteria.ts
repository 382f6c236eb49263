import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { CriterionDto } from "./criteria.validation";
import { criterionSelect, toCriterionDto } from "./criterion-dto";

// Rollback criteria first, then success criteria, each in plan order.
export async function listCriteria(releaseId: string): Promise<CriterionDto[]> {
  const release = await prisma.release.findUnique({ where: { id: releaseId }, select: { id: true } });
  if (!release) throw new AppError("NOT_FOUND", "Release not found");
  const rows = await prisma.criterion.findMany({ where: { releaseId }, orderBy: [{ kind: "asc" }, { position: "asc" }], select: criterionSelect });
  return rows.map(toCriterionDto);
}
