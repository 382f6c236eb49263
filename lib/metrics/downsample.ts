import { prisma } from "@/lib/db/client";
import { getReleaseSettings } from "@/lib/settings/get-settings";
import { defaultMetricsConfig } from "./config";

export const downsampleBucketSec = 60;
// No release keeps raw samples for less than the smallest allowed retention,
// so rows younger than this are never candidates.
const minRawRetentionMs = 3_600_000;

// The start of the bucket holding `at`. The cut-off is aligned down to it so
// a bucket is only ever averaged once, complete: samples older than the
// retention are refused, so none can arrive for a bucket already averaged.
export function bucketStart(at: Date, bucketSec: number = downsampleBucketSec): Date {
  const bucketMs = bucketSec * 1000;
  return new Date(Math.floor(at.getTime() / bucketMs) * bucketMs);
}

export function downsampleCutoff(now: Date, rawRetentionHours: number): Date {
  return bucketStart(new Date(now.getTime() - rawRetentionHours * 3_600_000));
}

export interface DownsampleResult {
  releases: number;
  rawRemoved: number;
}

// Averages each release's raw samples older than its raw retention into 60 s
// buckets and deletes them: one statement per release (DELETE … RETURNING
// feeding the INSERT), so a crash leaves either the raw rows or the averages.
export async function downsample(now: Date = new Date()): Promise<DownsampleResult> {
  const candidates = await prisma.$queryRaw<{ releaseId: string }[]>`
    SELECT DISTINCT "releaseId"::text AS "releaseId" FROM "MetricSample"
    WHERE "resolution" = 0 AND "at" < ${new Date(now.getTime() - minRawRetentionMs)}`;
  let rawRemoved = 0;
  for (const { releaseId } of candidates) {
    // A setting saved under an older schema must not stop the clean-up of
    // every release: such a release keeps the default window.
    const saved = await getReleaseSettings(releaseId, "metrics").catch(() => null);
    const cutoff = downsampleCutoff(now, (saved?.settings ?? defaultMetricsConfig).rawRetentionHours);
    rawRemoved += await downsampleRelease(releaseId, cutoff);
  }
  return { releases: candidates.length, rawRemoved };
}

async function downsampleRelease(releaseId: string, cutoff: Date): Promise<number> {
  const [result] = await prisma.$queryRaw<{ removed: bigint }[]>`
    WITH removed AS (
      DELETE FROM "MetricSample"
      WHERE "releaseId" = ${releaseId}::uuid AND "resolution" = 0 AND "at" < ${cutoff}
      RETURNING "source", "environment", "metric", "at", "value"
    ), averaged AS (
      INSERT INTO "MetricSample" ("releaseId", "source", "environment", "metric", "at", "value", "resolution")
      SELECT ${releaseId}::uuid, "source", "environment", "metric",
        to_timestamp(floor(extract(epoch FROM "at") / ${downsampleBucketSec}) * ${downsampleBucketSec}), avg("value"), ${downsampleBucketSec}
      FROM removed
      GROUP BY "source", "environment", "metric", 5
    )
    SELECT count(*) AS removed FROM removed`;
  return Number(result?.removed ?? 0);
}
