import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { publishLiveSamples } from "./live-samples";
import { readMetricsConfig } from "./metrics-config";
import { sourceNamePattern, type Sample, type SampleCandidate } from "./sample";
import { validateSamples } from "./validate-samples";

export interface StoreResult {
  stored: number;
  samples: Sample[];
}

// Validates the whole batch, then writes it with one statement: the samples
// as a single multi-row INSERT over unnest()ed arrays (one round trip, one
// plan, whatever the batch size) and, in the same statement, the source's
// status. A statement is atomic, so a batch is stored entirely or not at all.
export async function storeSamples(releaseId: string, source: string, candidates: readonly SampleCandidate[], options: { now?: Date } = {}): Promise<StoreResult> {
  if (!sourceNamePattern.test(source)) {
    throw new AppError("VALIDATION_FAILED", "Invalid source name", [{ path: ["source"], message: "Lower case letters, digits and _ . - (starting with a letter, at most 63)" }]);
  }
  const config = await readMetricsConfig(releaseId);
  const now = options.now ?? new Date();
  const samples = validateSamples(candidates, {
    now,
    rawRetentionMs: config.rawRetentionHours * 3_600_000,
    allowCustomMetrics: config.allowCustomMetrics,
  });
  await persistSamples(releaseId, source, samples);
  return { stored: samples.length, samples };
}

// Stores samples already known to be valid (a provider's) and tells the
// live charts (at most once a second per release, live-samples.ts).
export async function persistSamples(releaseId: string, source: string, samples: readonly Sample[]): Promise<void> {
  if (samples.length === 0) return;
  await insertSamples(releaseId, source, samples);
  publishLiveSamples(releaseId, source, samples);
}

async function insertSamples(releaseId: string, source: string, samples: readonly Sample[]): Promise<void> {
  if (samples.length === 0) return;
  const environments = samples.map((sample) => sample.environment);
  const metrics = samples.map((sample) => sample.metric);
  const atMs = samples.map((sample) => sample.at.getTime());
  const values = samples.map((sample) => sample.value);
  await prisma.$executeRaw`
    WITH inserted AS (
      INSERT INTO "MetricSample" ("releaseId", "source", "environment", "metric", "at", "value")
      SELECT ${releaseId}::uuid, ${source}, t.environment, t.metric, to_timestamp(t.at_ms / 1000.0), t.value
      FROM unnest(${environments}::text[], ${metrics}::text[], ${atMs}::float8[], ${values}::float8[]) AS t(environment, metric, at_ms, value)
      RETURNING "at"
    )
    INSERT INTO "MetricSourceStatus" ("id", "releaseId", "source", "status", "lastSampleAt", "updatedAt")
    SELECT gen_random_uuid(), ${releaseId}::uuid, ${source}, 'ok', max("at"), now() FROM inserted
    ON CONFLICT ("releaseId", "source") DO UPDATE SET
      "status" = 'ok',
      "lastSampleAt" = GREATEST("MetricSourceStatus"."lastSampleAt", EXCLUDED."lastSampleAt"),
      "updatedAt" = now()`;
}
