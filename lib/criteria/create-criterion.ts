import { mutate, type Actor } from "@/lib/audit/mutate";
import { AppError } from "@/lib/errors";
import { criterionRuleIssues, type CreateCriterionInput, type CriterionDto } from "./criteria.validation";
import { criterionSelect, toCriterionDto } from "./criterion-dto";

export async function createCriterion(actor: Actor, releaseId: string, input: CreateCriterionInput): Promise<CriterionDto> {
  const issues = criterionRuleIssues(input);
  if (issues.length > 0) throw new AppError("VALIDATION_FAILED", `Invalid criterion: ${issues.map((i) => i.message).join("; ")}`, issues);
  return mutate(actor, async ({ tx, audit }) => {
    const release = await tx.release.findUnique({ where: { id: releaseId }, select: { id: true } });
    if (!release) throw new AppError("NOT_FOUND", "Release not found");
    const taken = await tx.criterion.findUnique({ where: { releaseId_key: { releaseId, key: input.key } }, select: { id: true } });
    if (taken) throw new AppError("CONFLICT", `The release already has a criterion "${input.key}"`, { criterionId: taken.id });
    const last = await tx.criterion.findFirst({ where: { releaseId, kind: input.kind }, orderBy: { position: "desc" }, select: { position: true } });
    const row = await tx.criterion.create({ data: { releaseId, position: (last?.position ?? -1) + 1, ...input }, select: criterionSelect });
    const criterion = toCriterionDto(row);
    await audit({ releaseId, action: "criterion.created", subjectType: "Criterion", subjectId: row.id, after: criterion, live: { criterion } });
    return criterion;
  });
}
