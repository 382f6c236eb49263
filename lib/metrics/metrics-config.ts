import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getReleaseSettings } from "@/lib/settings/get-settings";
import { defaultMetricsConfig, type MetricsConfig } from "./config";

// A release's metrics configuration, the default (simulated) while none is
// saved. NOT_FOUND for an unknown release, so callers need no second check.
export async function readMetricsConfig(releaseId: string): Promise<MetricsConfig> {
  const release = await prisma.release.findUnique({ where: { id: releaseId }, select: { id: true } });
  if (!release) throw new AppError("NOT_FOUND", "Release not found");
  const saved = await getReleaseSettings(releaseId, "metrics");
  return saved?.settings ?? defaultMetricsConfig;
}
