import { z } from "zod";
import { roles } from "@/lib/auth/permissions";
import { criterionRuleIssues } from "@/lib/criteria/criteria.validation";
import { aggregations, comparators, criterionActions, criterionEnvironments } from "@/lib/criteria/vocabulary";
import gaReleaseJson from "./ga-release.json";

// Both languages are required everywhere: the ko text is the plan's original
// wording, the en text its rendering, and the UI may show either.
const localisedText = z.strictObject({ ko: z.string().trim().min(1), en: z.string().trim().min(1) });

// A moment relative to the launch, on the release's wall clock: `days` keeps
// the local time of day across daylight-saving changes.
const offset = z.strictObject({
  days: z.number().int().optional(),
  hours: z.number().int().optional(),
  minutes: z.number().int().optional(),
});

const key = z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, "keys are lowercase words joined by '.' or '-'");

// Gate keys are what code names (`assertGateOpen(tx, id, "go_no_go")`), so
// they read as identifiers.
const gateKey = z.string().regex(/^[a-z0-9]+(?:_[a-z0-9]+)*$/, "gate keys are lowercase words joined by '_'");

const gate = z.strictObject({
  key: gateKey,
  title: localisedText,
  requiredRoles: z.array(z.enum(roles)).min(1),
  approvalsNeeded: z.number().int().min(1),
  allowSelfApproval: z.boolean(),
  approvalTtlSec: z.number().int().positive().optional(),
  requiredItemKeys: z.array(key),
});

// A criterion without a metric is checked by people (flagged through the
// API); the cross-field rules are the ones a saved criterion must satisfy.
const metricCriterion = z.strictObject({
  key,
  title: localisedText,
  metric: z.string().min(1).optional(),
  aggregation: z.enum(aggregations).optional(),
  comparator: z.enum(comparators).optional(),
  threshold: z.number().optional(),
  windowSec: z.number().int().positive().optional(),
  environment: z.enum(criterionEnvironments).optional(),
  baseline: z.enum(criterionEnvironments).optional(),
  relativePercent: z.number().min(0).optional(),
  intervalSec: z.number().int().positive().optional(),
  failureLimit: z.number().int().min(0).optional(),
  consecutiveBreaches: z.number().int().min(1).optional(),
  inconclusiveLimit: z.number().int().min(0).optional(),
  isKey: z.boolean().optional(),
  dryRun: z.boolean().optional(),
  action: z.enum(criterionActions).optional(),
});

export const releaseTemplateSchema = z
  .strictObject({
    key,
    name: localisedText,
    overview: localisedText,
    goals: z.array(localisedText).min(1),
    launchWindow: z.strictObject({ start: offset, end: offset }),
    teams: z
      .array(
        z.strictObject({
          key,
          name: localisedText,
          responsibility: localisedText,
          headcount: z.number().int().min(0),
        }),
      )
      .min(1),
    checklist: z
      .array(
        z.strictObject({
          key,
          title: localisedText,
          due: offset.optional(),
          items: z.array(z.strictObject({ key, title: localisedText, requiredForGoLive: z.boolean() })).min(1),
        }),
      )
      .min(1),
    phases: z
      .array(
        z.strictObject({
          key,
          kind: z.enum(["deployment", "post_deployment"]),
          title: localisedText,
          ownerTeams: z.array(key).min(1),
          start: offset,
          end: offset.optional(),
          // Phases this one follows: moving one of them can move this along.
          dependsOn: z.array(key).default([]),
          tasks: z.array(localisedText),
        }),
      )
      .min(1),
    rollback: z.strictObject({
      criteria: z.array(metricCriterion).min(1),
      procedure: z.array(localisedText).min(1),
      afterRollback: z.array(localisedText).min(1),
    }),
    successCriteria: z.array(metricCriterion).min(1),
    risks: z.array(
      z.strictObject({
        key,
        title: localisedText,
        impact: localisedText,
        mitigation: localisedText,
        severity: z.number().int().min(1).max(5),
        likelihood: z.number().int().min(1).max(5),
      }),
    ),
    communication: z.array(
      z.strictObject({
        key,
        audience: z.enum(["internal", "external"]),
        channels: z.array(z.enum(["email", "website", "social", "press", "slack", "meeting"])).min(1),
        at: offset,
        phaseKey: key.optional(),
        // Sent only when the phase it belongs to actually happens.
        conditional: z.boolean(),
        title: localisedText,
      }),
    ),
    gates: z.array(gate),
  })
  .superRefine((template, ctx) => {
    const teamKeys = new Set(template.teams.map((team) => team.key));
    const phaseKeys = new Set(template.phases.map((phase) => phase.key));
    const issue = (message: string) => ctx.addIssue({ code: "custom", message });

    const criteria = [...template.rollback.criteria, ...template.successCriteria];
    const groups: [string, string[]][] = [
      ["team", template.teams.map((team) => team.key)],
      ["checklist section", template.checklist.map((section) => section.key)],
      ["checklist item", template.checklist.flatMap((section) => section.items.map((item) => item.key))],
      ["phase", template.phases.map((phase) => phase.key)],
      ["criterion", criteria.map((criterion) => criterion.key)],
      ["risk", template.risks.map((risk) => risk.key)],
      ["communication", template.communication.map((item) => item.key)],
      ["gate", template.gates.map((gate) => gate.key)],
    ];
    for (const [kind, keys] of groups) {
      for (const duplicate of keys.filter((k, i) => keys.indexOf(k) !== i)) issue(`duplicate ${kind} key "${duplicate}"`);
    }
    for (const phase of template.phases) {
      for (const owner of phase.ownerTeams) {
        if (!teamKeys.has(owner)) issue(`phase "${phase.key}" names unknown owner team "${owner}"`);
      }
    }
    for (const phase of template.phases) {
      for (const dependency of phase.dependsOn) {
        if (!phaseKeys.has(dependency)) issue(`phase "${phase.key}" depends on unknown phase "${dependency}"`);
      }
    }
    const cyclic = findDependencyCycle(template.phases);
    if (cyclic) issue(`phase dependencies form a cycle through "${cyclic}"`);
    for (const item of template.communication) {
      if (item.phaseKey && !phaseKeys.has(item.phaseKey)) issue(`communication "${item.key}" names unknown phase "${item.phaseKey}"`);
    }
    const itemKeys = new Set(template.checklist.flatMap((section) => section.items.map((item) => item.key)));
    for (const gate of template.gates) {
      for (const itemKey of gate.requiredItemKeys) {
        if (!itemKeys.has(itemKey)) issue(`gate "${gate.key}" requires unknown checklist item "${itemKey}"`);
      }
    }
    const kinds = [...template.rollback.criteria.map((c) => ["rollback", c] as const), ...template.successCriteria.map((c) => ["success", c] as const)];
    for (const [kind, criterion] of kinds) {
      for (const problem of criterionRuleIssues(templateCriterionFields(kind, criterion))) {
        issue(`criterion "${criterion.key}": ${problem.path.join(".")}: ${problem.message}`);
      }
    }
  });

export type ReleaseTemplate = z.infer<typeof releaseTemplateSchema>;
export type TemplateCriterion = z.infer<typeof metricCriterion>;

// A template criterion with the defaults a saved criterion gets.
export function templateCriterionFields(kind: "rollback" | "success", criterion: TemplateCriterion) {
  return {
    kind,
    metric: criterion.metric ?? null,
    aggregation: criterion.aggregation ?? null,
    comparator: criterion.comparator ?? null,
    threshold: criterion.threshold ?? null,
    windowSec: criterion.windowSec ?? null,
    environment: criterion.environment ?? "green",
    baseline: criterion.baseline ?? null,
    relativePercent: criterion.relativePercent ?? null,
    intervalSec: criterion.intervalSec ?? 60,
    failureLimit: criterion.failureLimit ?? 0,
    consecutiveBreaches: criterion.consecutiveBreaches ?? 1,
    inconclusiveLimit: criterion.inconclusiveLimit ?? 0,
    isKey: criterion.isKey ?? false,
    dryRun: criterion.dryRun ?? false,
    action: criterion.action ?? "none",
  };
}
export type TemplateOffset = z.infer<typeof offset>;
export type LocalisedText = z.infer<typeof localisedText>;
export type TemplateGate = z.infer<typeof gate>;

export class InvalidTemplateError extends Error {
  constructor(name: string, error: z.ZodError) {
    super(`Release template ${name} is invalid:\n${z.prettifyError(error)}`);
    this.name = "InvalidTemplateError";
  }
}

export function parseReleaseTemplate(input: unknown, name = "(unnamed)"): ReleaseTemplate {
  const result = releaseTemplateSchema.safeParse(input);
  if (!result.success) throw new InvalidTemplateError(name, result.error);
  return result.data;
}

export const gaReleaseTemplate: ReleaseTemplate = parseReleaseTemplate(gaReleaseJson, "ga-release.json");

// The first phase found on a dependency cycle, or null; a cycle would make
// "shift the dependents" move a phase by its own move forever.
function findDependencyCycle(phases: readonly { key: string; dependsOn: readonly string[] }[]): string | null {
  const dependsOn = new Map(phases.map((phase) => [phase.key, phase.dependsOn]));
  const state = new Map<string, "visiting" | "done">();
  const visit = (key: string): string | null => {
    if (state.get(key) === "done") return null;
    if (state.get(key) === "visiting") return key;
    state.set(key, "visiting");
    for (const next of dependsOn.get(key) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    state.set(key, "done");
    return null;
  };
  for (const phase of phases) {
    const found = visit(phase.key);
    if (found) return found;
  }
  return null;
}
