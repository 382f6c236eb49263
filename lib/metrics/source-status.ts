import { prisma } from "@/lib/db/client";
import { quietAfterSec, type MetricsConfig } from "./config";

export const sourceStatuses = ["ok", "failing", "quiet"] as const;
export type SourceStatus = (typeof sourceStatuses)[number];

export interface SourceStatusView {
  source: string;
  status: SourceStatus;
  lastSampleAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
}

// A poll that failed, or answered without data: kept on the source's row so
// the UI and the criteria see "failing" or "quiet", never a zero. A later
// successful store sets the status back to ok (store-samples.ts).
export async function recordSourceProblem(releaseId: string, source: string, status: "failing" | "quiet", message: string, at: Date = new Date()): Promise<void> {
  const detail = message.slice(0, 1000);
  await prisma.$executeRaw`
    INSERT INTO "MetricSourceStatus" ("id", "releaseId", "source", "status", "lastError", "lastErrorAt", "updatedAt")
    VALUES (gen_random_uuid(), ${releaseId}::uuid, ${source}, ${status}, ${detail}, ${at}, now())
    ON CONFLICT ("releaseId", "source") DO UPDATE SET
      "status" = EXCLUDED."status", "lastError" = EXCLUDED."lastError", "lastErrorAt" = EXCLUDED."lastErrorAt", "updatedAt" = now()`;
}

// Every source that has reported for the release, plus the configured polled
// source even before its first sample (shown quiet: nothing heard yet).
export async function listSourceStatuses(releaseId: string, config: MetricsConfig, now: Date = new Date()): Promise<SourceStatusView[]> {
  const rows = await prisma.metricSourceStatus.findMany({
    where: { releaseId },
    select: { source: true, status: true, lastSampleAt: true, lastError: true, lastErrorAt: true },
    orderBy: { source: "asc" },
  });
  const views = rows.map((row) => effectiveStatus(row, quietAfterFor(config, row.source), now));
  if (config.kind !== "push" && !views.some((view) => view.source === config.kind)) {
    views.push({ source: config.kind, status: "quiet", lastSampleAt: null, lastError: null, lastErrorAt: null });
  }
  return views;
}

export interface StoredSourceStatus {
  source: string;
  status: string;
  lastSampleAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
}

// Stored "ok" goes stale by itself: a source that stopped sending (a pusher
// that died, a poller that stopped) turns quiet once its newest sample is
// older than the source's quiet threshold.
export function effectiveStatus(row: StoredSourceStatus, quietAfterMs: number, now: Date): SourceStatusView {
  const base = { source: row.source, lastSampleAt: row.lastSampleAt, lastError: row.lastError, lastErrorAt: row.lastErrorAt };
  if (row.status === "failing" || row.status === "quiet") return { ...base, status: row.status };
  const stale = !row.lastSampleAt || now.getTime() - row.lastSampleAt.getTime() > quietAfterMs;
  return { ...base, status: stale ? "quiet" : "ok" };
}

function quietAfterFor(config: MetricsConfig, source: string): number {
  // Sources other than the configured poller are pushers.
  const seconds = source === config.kind ? quietAfterSec(config) : (config.quietAfterSec ?? 300);
  return seconds * 1000;
}
