import { z } from "zod";
import { isoDateTime, localizedText } from "@/lib/http/common.validation";
import { aggregations, comparators, criterionActions, criterionEnvironments, outcomes, ratioParts, syntheticChecksMetric } from "./vocabulary";

// Metric names as the metrics side stores them, or "numerator/denominator"
// for the ratio aggregation.
const metricName = /^[a-z][a-z0-9_]{0,62}$/;

export const criterionParams = z.strictObject({ releaseId: z.uuid(), criterionId: z.uuid() });

const criterionKey = z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, "keys are lowercase words joined by '.' or '-'").max(100);

// The fields a person may set; create takes them all (most optional), update
// any of them with the version. Rules across fields are checked on the
// criterion as it would be saved (criterionRules), so an update cannot make
// a valid criterion invalid one field at a time.
const editable = {
  titleKo: z.string().trim().min(1).max(300),
  titleEn: z.string().trim().min(1).max(300),
  metric: z.string().max(130).nullable().meta({ description: `A metric name; "a/b" for ratio; "${syntheticChecksMetric}" for the key-features check; null for a check made by people (flagged through …/flag)` }),
  aggregation: z.enum(aggregations).nullable(),
  comparator: z.enum(comparators).nullable().meta({ description: "Rollback criteria: when to roll back (gt 5 = above 5). Success criteria: what must hold (gte 99.9)" }),
  threshold: z.number().finite().nullable(),
  windowSec: z.int().min(1).max(30 * 86_400).nullable(),
  environment: z.enum(criterionEnvironments),
  baseline: z.enum(criterionEnvironments).nullable().meta({ description: "Judge relative to this environment's value instead of the fixed threshold" }),
  relativePercent: z.number().finite().min(0).max(10_000).nullable(),
  intervalSec: z.int().min(1).max(86_400),
  failureLimit: z.int().min(0).max(1000),
  consecutiveBreaches: z.int().min(1).max(1000),
  inconclusiveLimit: z.int().min(0).max(1000),
  isKey: z.boolean(),
  dryRun: z.boolean(),
  action: z.enum(criterionActions),
};

export const createCriterionBody = z.strictObject({
  kind: z.enum(["rollback", "success"]),
  key: criterionKey,
  titleKo: editable.titleKo,
  titleEn: editable.titleEn,
  metric: editable.metric.default(null),
  aggregation: editable.aggregation.default(null),
  comparator: editable.comparator.default(null),
  threshold: editable.threshold.default(null),
  windowSec: editable.windowSec.default(null),
  environment: editable.environment.default("green"),
  baseline: editable.baseline.default(null),
  relativePercent: editable.relativePercent.default(null),
  intervalSec: editable.intervalSec.default(60),
  failureLimit: editable.failureLimit.default(0),
  consecutiveBreaches: editable.consecutiveBreaches.default(1),
  inconclusiveLimit: editable.inconclusiveLimit.default(0),
  isKey: editable.isKey.default(false),
  dryRun: editable.dryRun.default(false),
  action: editable.action.default("none"),
});
export type CreateCriterionInput = z.infer<typeof createCriterionBody>;

export const updateCriterionBody = z
  .strictObject({
    version: z.int().min(1).meta({ description: "The version you last saw; a stale one gets 409" }),
    ...z.object(editable).partial().shape,
  })
  .refine((body) => Object.keys(body).some((key) => key !== "version"), { message: "Change at least one field besides version" });
export type UpdateCriterionInput = z.infer<typeof updateCriterionBody>;

export const deleteCriterionQuery = z.strictObject({ version: z.coerce.number().int().min(1).meta({ description: "The version you last saw" }) });

// What a criterion must satisfy as saved, whichever way it got there.
export interface CriterionShape {
  kind: "rollback" | "success";
  metric: string | null;
  aggregation: string | null;
  comparator: string | null;
  threshold: number | null;
  windowSec: number | null;
  environment: string;
  baseline: string | null;
  relativePercent: number | null;
  action: string;
}

export interface RuleIssue {
  path: string[];
  message: string;
}

export function criterionRuleIssues(c: CriterionShape): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const issue = (path: string, message: string) => issues.push({ path: [path], message });
  if (c.action !== "none" && c.kind !== "rollback") issue("action", "Only rollback criteria act (propose or start a rollback)");
  if (c.metric === null) {
    for (const field of ["aggregation", "comparator", "threshold", "windowSec", "baseline", "relativePercent"] as const) {
      if (c[field] !== null) issue(field, "A check made by people has no metric, so no " + field);
    }
    return issues;
  }
  if (c.metric === syntheticChecksMetric) {
    if (c.kind !== "success") issue("metric", "Synthetic checks are a success criterion");
    if (c.baseline !== null) issue("baseline", "Synthetic checks have no baseline");
  } else if (c.aggregation === "ratio") {
    const parts = ratioParts(c.metric);
    if (!parts || !metricName.test(parts.numerator) || !metricName.test(parts.denominator)) issue("metric", 'The ratio aggregation needs a metric written "numerator/denominator"');
  } else if (!metricName.test(c.metric)) {
    issue("metric", "Metric names are lower case letters, digits and _ (at most 63)");
  }
  if (c.aggregation === null) issue("aggregation", "A measured criterion needs an aggregation");
  if (c.comparator === null) issue("comparator", "A measured criterion needs a comparator");
  if (c.windowSec === null) issue("windowSec", "A measured criterion needs a window");
  if (c.baseline === null) {
    if (c.threshold === null) issue("threshold", "Give a threshold, or a baseline with relativePercent");
    if (c.relativePercent !== null) issue("relativePercent", "relativePercent needs a baseline");
  } else {
    if (c.relativePercent === null) issue("relativePercent", "A baseline needs relativePercent");
    if (c.threshold !== null) issue("threshold", "A relative criterion takes its threshold from the baseline; leave threshold empty");
    if (c.baseline === c.environment) issue("baseline", "The baseline must be another environment than the one judged");
    if (c.comparator === "eq") issue("comparator", "A relative criterion needs a direction (lt, lte, gt or gte)");
  }
  return issues;
}

export const criterionSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(["rollback", "success"]),
    key: z.string(),
    position: z.int(),
    title: localizedText,
    metric: z.string().nullable(),
    aggregation: z.string().nullable(),
    comparator: z.string().nullable(),
    threshold: z.number().nullable(),
    windowSec: z.int().nullable(),
    environment: z.string(),
    baseline: z.string().nullable(),
    relativePercent: z.number().nullable(),
    intervalSec: z.int(),
    failureLimit: z.int(),
    consecutiveBreaches: z.int(),
    inconclusiveLimit: z.int(),
    isKey: z.boolean(),
    dryRun: z.boolean(),
    action: z.string(),
    // Metric-less criteria are checked by people: the last flag they set.
    manual: z.boolean(),
    version: z.int(),
  })
  .meta({ id: "Criterion" });
export type CriterionDto = z.infer<typeof criterionSchema>;

export const criterionListResponse = z.object({ criteria: z.array(criterionSchema) });
export const criterionResponse = z.object({ criterion: criterionSchema });

export const flagCriterionBody = z.strictObject({
  outcome: z.enum(["pass", "fail"]).meta({ description: "fail = the problem is there (flag it); pass = cleared or confirmed" }),
  note: z.string().trim().min(3).max(2000).meta({ description: "What was found, or why it is cleared" }),
});
export type FlagCriterionInput = z.infer<typeof flagCriterionBody>;

export const evaluationContexts = ["analysis", "guard", "manual", "scorecard"] as const;
export type EvaluationContext = (typeof evaluationContexts)[number];

export const evaluationsQuery = z.strictObject({
  criterionId: z.uuid().optional(),
  context: z.enum(evaluationContexts).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const evaluationSchema = z
  .object({
    id: z.string().meta({ description: "Increasing; newer evaluations have larger ids" }),
    criterionId: z.uuid(),
    criterionKey: z.string(),
    at: isoDateTime,
    outcome: z.enum(outcomes),
    judgement: z.string().meta({ description: "pass | fail | inconclusive | pending (within the tolerated failures or inconclusive measurements)" }),
    reason: z.string(),
    reasonCode: z.string(),
    dryRun: z.boolean(),
    actionable: z.boolean(),
    context: z.string(),
    operationId: z.uuid().nullable(),
    values: z.record(z.string(), z.unknown()).meta({ description: "observed, baseline, threshold, sampleCount, windowCoverage, from, to, breachCount, …" }),
  })
  .meta({ id: "CriterionEvaluation" });
export type EvaluationDto = z.infer<typeof evaluationSchema>;
export const evaluationListResponse = z.object({ evaluations: z.array(evaluationSchema) });
export const evaluationResponse = z.object({ evaluation: evaluationSchema });
