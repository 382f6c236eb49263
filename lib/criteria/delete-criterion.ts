import { mutate, type Actor } from "@/lib/audit/mutate";
import type { CriterionDto } from "./criteria.validation";
import { toCriterionDto } from "./criterion-dto";
import { readCriterion, versionConflict } from "./update-criterion";

// Its evaluations go with it (cascade); the audit trail keeps what it was.
export async function deleteCriterion(actor: Actor, releaseId: string, criterionId: string, version: number): Promise<CriterionDto> {
  return mutate(actor, async ({ tx, audit }) => {
    const current = await readCriterion(tx, releaseId, criterionId);
    if (current.version !== version) throw versionConflict(current);
    const { count } = await tx.criterion.deleteMany({ where: { id: criterionId, releaseId, version } });
    if (count === 0) throw versionConflict(await readCriterion(tx, releaseId, criterionId));
    const criterion = toCriterionDto(current);
    await audit({ releaseId, action: "criterion.deleted", subjectType: "Criterion", subjectId: criterionId, before: criterion, live: { criterionId } });
    return criterion;
  });
}
