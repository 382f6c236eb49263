import { mutate, type Actor } from "@/lib/audit/mutate";
import { AppError } from "@/lib/errors";
import type { EvaluationDto, FlagCriterionInput } from "./criteria.validation";
import { evaluationSelect, toEvaluationDto } from "./evaluations";
import { readCriterion } from "./update-criterion";

// A check made by people ("data loss or an integrity problem", "a security
// vulnerability is found") is a flag someone raises or clears. It is stored
// as the criterion's evaluation, so the rollback guard, the scorecard and
// the history read it like any measured judgement; a raised flag on a
// rollback criterion is acted on by the guard's next pass.
export async function flagCriterion(actor: Actor, releaseId: string, criterionId: string, input: FlagCriterionInput): Promise<EvaluationDto> {
  return mutate(actor, async ({ tx, audit }) => {
    const criterion = await readCriterion(tx, releaseId, criterionId);
    if (criterion.metric !== null) {
      throw new AppError("CONFLICT", `${criterion.key} is measured from ${criterion.metric}; only checks made by people (no metric) take flags`);
    }
    const raised = input.outcome === "fail";
    const verb = raised ? "flagged" : criterion.kind === "rollback" ? "cleared" : "confirmed";
    const reason = `${criterion.key} ${verb} by ${actor.label}: ${input.note}`;
    const row = await tx.criterionEvaluation.create({
      data: {
        criterionId,
        releaseId,
        outcome: input.outcome,
        reason,
        dryRun: criterion.dryRun,
        values: { context: "manual", reasonCode: raised ? "MANUAL_FLAG" : "MANUAL_CLEAR", judgement: input.outcome, actionable: raised && !criterion.dryRun, note: input.note, by: actor.label },
      },
      select: evaluationSelect,
    });
    const evaluation = toEvaluationDto(row);
    await audit({
      releaseId,
      action: raised ? "criterion.flagged" : "criterion.cleared",
      subjectType: "Criterion",
      subjectId: criterionId,
      after: { key: criterion.key, kind: criterion.kind, outcome: input.outcome, note: input.note },
      live: { evaluation },
    });
    return evaluation;
  });
}
