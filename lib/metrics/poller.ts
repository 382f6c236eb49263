import { prisma } from "@/lib/db/client";
import { driverConfigSchema } from "@/lib/drivers/config";
import { metricsConfigSchema, type MetricsConfig } from "./config";
import { createMetricProvider, pollIntervalSec } from "./providers/create-provider";
import { MetricSourceError, type MetricProvider } from "./providers/provider";
import { recordSourceProblem } from "./source-status";
import { persistSamples } from "./store-samples";

// Releases whose metrics are watched: not yet finished.
const watchedStatuses = ["planned", "in_progress", "live"] as const;

interface PolledSource {
  // The setting's version the provider was built from; a save rebuilds it.
  configKey: string;
  provider: MetricProvider;
  intervalMs: number;
  lastPollAt: number;
  busy: boolean;
}

export interface MetricsPoller {
  // One pass: polls every watched release whose interval has elapsed. Meant
  // to be called every second; a release still busy with its previous poll
  // is skipped rather than polled twice at once.
  tick(now?: Date): Promise<void>;
}

export function createMetricsPoller(log: (message: string) => void = (message) => console.error(message)): MetricsPoller {
  const sources = new Map<string, PolledSource>();

  async function poll(releaseId: string, entry: PolledSource, now: Date): Promise<void> {
    entry.busy = true;
    entry.lastPollAt = now.getTime();
    try {
      const samples = (await entry.provider.collect(now)).filter((sample) => Number.isFinite(sample.value));
      if (samples.length) await persistSamples(releaseId, entry.provider.source, samples);
      else await recordSourceProblem(releaseId, entry.provider.source, "quiet", "The source answered without data", now);
    } catch (error) {
      if (!(error instanceof MetricSourceError)) throw error;
      await persistSamples(releaseId, entry.provider.source, error.partial);
      await recordSourceProblem(releaseId, entry.provider.source, "failing", error.message, now);
    } finally {
      entry.busy = false;
    }
  }

  return {
    async tick(now = new Date()) {
      const releases = await prisma.release.findMany({
        where: { status: { in: [...watchedStatuses] } },
        select: { id: true, settings: { where: { key: { in: ["metrics", "driver.production"] } }, select: { key: true, settings: true, version: true } } },
      });
      const seen = new Set<string>();
      const polls: Promise<void>[] = [];
      for (const release of releases) {
        const metrics = release.settings.find((setting) => setting.key === "metrics");
        const driver = release.settings.find((setting) => setting.key === "driver.production");
        const config = metricsConfigFor(metrics?.settings, driver?.settings);
        if (!config) continue;
        const configKey = `${config.kind}:${metrics?.version ?? 0}`;
        let entry = sources.get(release.id);
        if (!entry || entry.configKey !== configKey) {
          const provider = createMetricProvider(release.id, config);
          if (!provider) continue;
          entry = { configKey, provider, intervalMs: pollIntervalSec(config) * 1000, lastPollAt: 0, busy: false };
          sources.set(release.id, entry);
        }
        seen.add(release.id);
        // A little slack, so a tick that fires a few ms early still polls.
        if (entry.busy || now.getTime() - entry.lastPollAt < entry.intervalMs - 100) continue;
        polls.push(poll(release.id, entry, now).catch((error: unknown) => log(`metrics poll of release ${release.id} failed: ${String(error)}`)));
      }
      for (const releaseId of sources.keys()) if (!seen.has(releaseId)) sources.delete(releaseId);
      // Not awaited as a whole by the next tick: a slow source delays only itself.
      await Promise.all(polls);
    },
  };
}

// The saved metrics setting; without one, the simulated source when the
// release's traffic driver is the simulated one (as it is out of the box),
// and nothing otherwise: a real load balancer's figures are not invented.
export function metricsConfigFor(savedMetrics: unknown, savedDriver: unknown): MetricsConfig | null {
  if (savedMetrics !== undefined) {
    const parsed = metricsConfigSchema.safeParse(savedMetrics);
    return parsed.success ? parsed.data : null;
  }
  if (savedDriver !== undefined) {
    const driver = driverConfigSchema.safeParse(savedDriver);
    if (!driver.success || driver.data.kind !== "simulated") return null;
  }
  return metricsConfigSchema.parse({ kind: "simulated" });
}

// The one poller of this process, run each second by lib/workers.
const processPoller = createMetricsPoller();
export const metricsPollerWorker = { name: "metrics-poller", intervalMs: 1_000, run: () => processPoller.tick() };
