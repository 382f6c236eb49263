import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { MetricEnvironment } from "./metric-names";

export interface MetricQuery {
  metric: string;
  environment: MetricEnvironment;
  from: Date;
  to: Date;
  // Average into buckets of this many seconds; raw points when absent.
  step?: number;
}

export interface MetricPoint {
  at: Date;
  value: number;
}

export const maxQueryPoints = 100_000;

// Points of one series in [from, to], oldest first. Raw samples cover the raw
// retention window and 60 s averages the time before it; the two never
// overlap (downsampling replaces raw rows in the same statement, and samples
// older than the window are refused), so one range scan serves both. Gaps stay
// gaps: a time without samples has no point, never a zero.
export async function queryMetric(releaseId: string, query: MetricQuery): Promise<MetricPoint[]> {
  if (query.to.getTime() < query.from.getTime()) throw new AppError("VALIDATION_FAILED", "`to` is before `from`", [{ path: ["to"], message: "Must not be before from" }]);
  if (query.step !== undefined) return bucketed(releaseId, query, query.step);
  const rows = await prisma.metricSample.findMany({
    where: { releaseId, metric: query.metric, environment: query.environment, at: { gte: query.from, lte: query.to } },
    orderBy: { at: "asc" },
    select: { at: true, value: true },
    take: maxQueryPoints + 1,
  });
  if (rows.length > maxQueryPoints) {
    throw new AppError("VALIDATION_FAILED", `More than ${maxQueryPoints} points in this range; ask for a step`, [{ path: ["step"], message: "Required for a range this long" }]);
  }
  return rows;
}

async function bucketed(releaseId: string, query: MetricQuery, step: number): Promise<MetricPoint[]> {
  if (!Number.isInteger(step) || step < 1) throw new AppError("VALIDATION_FAILED", "step must be a whole number of seconds ≥ 1", [{ path: ["step"], message: "≥ 1" }]);
  const buckets = (query.to.getTime() - query.from.getTime()) / 1000 / step;
  if (buckets > maxQueryPoints) {
    throw new AppError("VALIDATION_FAILED", `This step gives more than ${maxQueryPoints} points; use a larger one`, [{ path: ["step"], message: "Too small for this range" }]);
  }
  const rows = await prisma.$queryRaw<{ bucket: Date; value: number }[]>`
    SELECT to_timestamp(floor(extract(epoch FROM "at") / ${step}) * ${step}) AS bucket, avg("value")::float8 AS value
    FROM "MetricSample"
    WHERE "releaseId" = ${releaseId}::uuid AND "metric" = ${query.metric} AND "environment" = ${query.environment}
      AND "at" >= ${query.from} AND "at" <= ${query.to}
    GROUP BY bucket
    ORDER BY bucket`;
  return rows.map((row) => ({ at: row.bucket, value: row.value }));
}
