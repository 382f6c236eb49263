import { prisma } from "@/lib/db/client";
import { readMetricsConfig } from "@/lib/metrics/metrics-config";
import { queryMetric } from "@/lib/metrics/query-metric";
import { listSourceStatuses, type SourceStatusView } from "@/lib/metrics/source-status";
import type { MetricEnvironment } from "@/lib/metrics/metric-names";
import type { EvaluationContext } from "./criteria.validation";
import { criterionSelect, toCriterionSpec, type CriterionRow } from "./criterion-dto";
import { combineAnalysis, evaluateCriterion, judgeMeasurement, type AnalysisResult, type CriterionResult, type CriterionSamples, type PriorOutcome, type Sample } from "./engine";
import { latestFlags, priorOutcomes, storeEvaluations } from "./evaluations";
import { measureSyntheticChecks } from "./synthetic";
import { ratioParts, syntheticChecksMetric } from "./vocabulary";

// Loads a release's criteria of one kind and their samples, judges them with
// the engine and (unless asked not to) stores one CriterionEvaluation each.

export interface EvaluateReleaseOptions {
  kind: "rollback" | "success";
  context: EvaluationContext;
  now?: Date;
  // Only these criteria (the ones due); all of the kind when absent.
  criterionIds?: readonly string[];
  // Samples before this do not count: the cutover's analysis judges only the
  // time since its split was set, the guard only the time since it began.
  notBefore?: Date;
  operationId?: string | null;
  // Where the limits' history comes from: given (the analysis keeps its own
  // run's), stored evaluations in this context since a time, or none.
  history?: ReadonlyMap<string, readonly PriorOutcome[]> | { since: Date };
  // A snapshot (the scorecard) ignores the limits and stores nothing.
  snapshot?: boolean;
  // Context-specific facts stored with every evaluation.
  extra?: Record<string, unknown>;
}

export interface CriterionEvaluationResult {
  criterion: CriterionRow;
  result: CriterionResult;
}

export interface ReleaseEvaluation {
  at: Date;
  analysis: AnalysisResult;
  results: CriterionEvaluationResult[];
}

export async function evaluateRelease(releaseId: string, options: EvaluateReleaseOptions): Promise<ReleaseEvaluation> {
  const now = options.now ?? new Date();
  const criteria = await prisma.criterion.findMany({
    where: { releaseId, kind: options.kind, ...(options.criterionIds ? { id: { in: [...options.criterionIds] } } : {}) },
    orderBy: { position: "asc" },
    select: criterionSelect,
  });
  const sources = new SourceHealth(releaseId, now);
  const flags = await latestFlags(criteria.filter((c) => c.metric === null).map((c) => c.id));
  const checks = criteria.some((c) => c.metric === syntheticChecksMetric)
    ? await prisma.syntheticCheck.findMany({ where: { releaseId }, orderBy: { key: "asc" }, select: { key: true, name: true, intervalSec: true, lastRunAt: true, lastOk: true, lastDetail: true } })
    : [];

  const results: CriterionEvaluationResult[] = [];
  for (const row of criteria) {
    const spec = options.snapshot ? { ...toCriterionSpec(row), consecutiveBreaches: 1, failureLimit: 0, inconclusiveLimit: 0 } : toCriterionSpec(row);
    const history = await historyFor(row.id, options);
    let result: CriterionResult;
    if (row.metric === syntheticChecksMetric) {
      result = judgeMeasurement(spec, measureSyntheticChecks(spec, checks, now), history);
    } else {
      const windowStart = new Date(now.getTime() - (row.windowSec ?? 0) * 1000);
      const from = options.notBefore && options.notBefore > windowStart ? options.notBefore : undefined;
      const samples = row.metric === null ? { target: [], manual: flags.get(row.id) ?? null } : await loadSamples(releaseId, row, from ?? windowStart, now, sources);
      result = evaluateCriterion(spec, samples, history, now, { from });
    }
    results.push({ criterion: row, result });
  }

  if (!options.snapshot) {
    await storeEvaluations(
      prisma,
      results.map(({ criterion, result }) => ({ criterionId: criterion.id, releaseId, at: now, result, context: options.context, operationId: options.operationId, extra: options.extra })),
    );
  }
  return { at: now, analysis: combineAnalysis(results.map((r) => r.result)), results };
}

async function historyFor(criterionId: string, options: EvaluateReleaseOptions): Promise<readonly PriorOutcome[]> {
  if (options.snapshot || !options.history) return [];
  if ("since" in options.history) return priorOutcomes(criterionId, options.context, options.history.since, options.operationId ?? null);
  return options.history.get(criterionId) ?? [];
}

async function loadSamples(releaseId: string, criterion: CriterionRow, from: Date, to: Date, sources: SourceHealth): Promise<CriterionSamples> {
  const metric = criterion.metric as string;
  const ratio = criterion.aggregation === "ratio" ? ratioParts(metric) : null;
  const numerator = ratio?.numerator ?? metric;
  const read = (name: string, environment: string) => readSeries(releaseId, name, environment, from, to);
  const environment = criterion.environment;
  const sourceError = (await sources.problem(numerator, environment, from, to)) ?? (criterion.baseline ? await sources.problem(numerator, criterion.baseline, from, to) : null);
  return {
    target: await read(numerator, environment),
    targetDenominator: ratio ? await read(ratio.denominator, environment) : undefined,
    baseline: criterion.baseline ? await read(numerator, criterion.baseline) : undefined,
    baselineDenominator: ratio && criterion.baseline ? await read(ratio.denominator, criterion.baseline) : undefined,
    sourceError: sourceError ?? undefined,
  };
}

// Raw samples up to a day (86,400 at 1 Hz); longer windows read averaged
// buckets, so min, max and p95 there are of bucket averages.
const rawWindowMs = 86_400_000;

async function readSeries(releaseId: string, metric: string, environment: string, from: Date, to: Date): Promise<Sample[]> {
  const spanMs = to.getTime() - from.getTime();
  const step = spanMs > rawWindowMs ? Math.ceil(spanMs / 1000 / 50_000) : undefined;
  return queryMetric(releaseId, { metric, environment: environment as MetricEnvironment, from, to, step });
}

// Which metric sources are failing, read once per evaluation. A metric whose
// samples came from a failing source — or that has none while the polled
// source is failing — cannot be judged: a Prometheus that times out or
// answers an error makes the criterion inconclusive, never a pass on the
// samples it left behind.
class SourceHealth {
  private statuses: Promise<SourceStatusView[]> | null = null;

  constructor(
    private readonly releaseId: string,
    private readonly now: Date,
  ) {}

  async problem(metric: string, environment: string, from: Date, to: Date): Promise<string | null> {
    const statuses = await this.load();
    const failing = statuses.filter((status) => status.status === "failing");
    if (failing.length === 0) return null;
    const used = await prisma.metricSample.findMany({
      where: { releaseId: this.releaseId, metric, environment, at: { gte: from, lte: to } },
      distinct: ["source"],
      select: { source: true },
    });
    const names = used.length > 0 ? new Set(used.map((row) => row.source)) : new Set(failing.filter((status) => status.source !== "push").map((status) => status.source));
    const problem = failing.find((status) => names.has(status.source));
    return problem ? `source ${problem.source} is failing: ${problem.lastError ?? "no detail"}` : null;
  }

  private load(): Promise<SourceStatusView[]> {
    this.statuses ??= readMetricsConfig(this.releaseId).then((config) => listSourceStatuses(this.releaseId, config, this.now));
    return this.statuses;
  }
}
