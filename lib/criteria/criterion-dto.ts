import type { Prisma } from "@/lib/db/generated/client";
import type { CriterionDto } from "./criteria.validation";
import type { CriterionSpec } from "./engine";

export const criterionSelect = {
  id: true,
  releaseId: true,
  kind: true,
  key: true,
  position: true,
  titleKo: true,
  titleEn: true,
  metric: true,
  aggregation: true,
  comparator: true,
  threshold: true,
  windowSec: true,
  environment: true,
  baseline: true,
  relativePercent: true,
  intervalSec: true,
  failureLimit: true,
  consecutiveBreaches: true,
  inconclusiveLimit: true,
  isKey: true,
  dryRun: true,
  action: true,
  version: true,
} as const satisfies Prisma.CriterionSelect;

export type CriterionRow = Prisma.CriterionGetPayload<{ select: typeof criterionSelect }>;

export function toCriterionDto(row: CriterionRow): CriterionDto {
  return {
    id: row.id,
    kind: row.kind,
    key: row.key,
    position: row.position,
    title: { ko: row.titleKo, en: row.titleEn },
    metric: row.metric,
    aggregation: row.aggregation,
    comparator: row.comparator,
    threshold: row.threshold,
    windowSec: row.windowSec,
    environment: row.environment,
    baseline: row.baseline,
    relativePercent: row.relativePercent,
    intervalSec: row.intervalSec,
    failureLimit: row.failureLimit,
    consecutiveBreaches: row.consecutiveBreaches,
    inconclusiveLimit: row.inconclusiveLimit,
    isKey: row.isKey,
    dryRun: row.dryRun,
    action: row.action,
    manual: row.metric === null,
    version: row.version,
  };
}

export function toCriterionSpec(row: CriterionRow): CriterionSpec {
  return {
    key: row.key,
    kind: row.kind,
    metric: row.metric,
    aggregation: row.aggregation,
    comparator: row.comparator,
    threshold: row.threshold,
    windowSec: row.windowSec,
    environment: row.environment,
    baseline: row.baseline,
    relativePercent: row.relativePercent,
    failureLimit: row.failureLimit,
    consecutiveBreaches: row.consecutiveBreaches,
    inconclusiveLimit: row.inconclusiveLimit,
    isKey: row.isKey,
    dryRun: row.dryRun,
  };
}
