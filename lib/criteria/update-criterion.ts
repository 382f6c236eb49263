import { mutate, type Actor } from "@/lib/audit/mutate";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { criterionRuleIssues, type CriterionDto, type UpdateCriterionInput } from "./criteria.validation";
import { criterionSelect, toCriterionDto, type CriterionRow } from "./criterion-dto";

// Optimistic concurrency on `version`; the rules are checked on the criterion
// as it would be after the change, so no single field can be set that
// contradicts the others.
export async function updateCriterion(actor: Actor, releaseId: string, criterionId: string, input: UpdateCriterionInput): Promise<CriterionDto> {
  return mutate(actor, async ({ tx, audit }) => {
    const current = await readCriterion(tx, releaseId, criterionId);
    if (current.version !== input.version) throw versionConflict(current);
    const { version, ...changes } = input;
    const issues = criterionRuleIssues({ ...current, ...changes });
    if (issues.length > 0) throw new AppError("VALIDATION_FAILED", `Invalid criterion: ${issues.map((i) => i.message).join("; ")}`, issues);

    const before: Record<string, unknown> = { version };
    const after: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(changes)) {
      const previous = current[field as keyof CriterionRow];
      if (value === undefined || value === previous) continue;
      before[field] = previous;
      after[field] = value;
    }
    if (Object.keys(after).length === 0) return toCriterionDto(current);

    const { count } = await tx.criterion.updateMany({ where: { id: criterionId, releaseId, version }, data: { ...changes, version: { increment: 1 } } });
    if (count === 0) throw versionConflict(await readCriterion(tx, releaseId, criterionId));
    const criterion = toCriterionDto(await readCriterion(tx, releaseId, criterionId));
    after.version = criterion.version;
    await audit({ releaseId, action: "criterion.updated", subjectType: "Criterion", subjectId: criterionId, before: { key: current.key, ...before }, after: { key: current.key, ...after }, live: { criterion } });
    return criterion;
  });
}

export async function readCriterion(tx: Tx, releaseId: string, criterionId: string): Promise<CriterionRow> {
  const row = await tx.criterion.findFirst({ where: { id: criterionId, releaseId }, select: criterionSelect });
  if (!row) throw new AppError("NOT_FOUND", "Criterion not found in this release");
  return row;
}

export function versionConflict(current: CriterionRow): AppError {
  return new AppError("VERSION_CONFLICT", "Someone else changed this criterion; review it and try again", { current: toCriterionDto(current) });
}
