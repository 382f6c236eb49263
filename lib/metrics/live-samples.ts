import { publishMetricSamples, type MetricSamplesEvent } from "@/lib/events/bus";
import type { Sample } from "./sample";

// Live charts move at 1 Hz, while a pipeline may push thousands of samples a
// second; sending every batch to every viewer would flood their sockets. Per
// release, the first batch after a quiet second goes out at once and later
// ones are folded into one event a second later, keeping the newest sample of
// each series. A chart that needs every point reads the series API.
export const liveIntervalMs = 1_000;

type SeriesKey = string;

interface Pending {
  samples: Map<SeriesKey, MetricSamplesEvent["samples"][number] & { source: string }>;
  timer: NodeJS.Timeout | null;
  lastSentAt: number;
}

const pending = new Map<string, Pending>();

export function publishLiveSamples(releaseId: string, source: string, samples: readonly Sample[], nowMs: number = Date.now()): void {
  if (samples.length === 0) return;
  let entry = pending.get(releaseId);
  if (!entry) {
    entry = { samples: new Map(), timer: null, lastSentAt: 0 };
    pending.set(releaseId, entry);
  }
  for (const sample of samples) {
    const key = `${source}\u0000${sample.metric}\u0000${sample.environment}`;
    const held = entry.samples.get(key);
    if (!held || Date.parse(held.at) <= sample.at.getTime()) {
      entry.samples.set(key, { source, metric: sample.metric, environment: sample.environment, at: sample.at.toISOString(), value: sample.value });
    }
  }
  if (entry.timer) return;
  const wait = entry.lastSentAt + liveIntervalMs - nowMs;
  if (wait <= 0) flush(releaseId);
  else {
    entry.timer = setTimeout(() => flush(releaseId), wait);
    entry.timer.unref();
  }
}

function flush(releaseId: string): void {
  const entry = pending.get(releaseId);
  if (!entry) return;
  entry.timer = null;
  entry.lastSentAt = Date.now();
  const bySource = new Map<string, MetricSamplesEvent["samples"]>();
  for (const { source, ...sample } of entry.samples.values()) {
    const list = bySource.get(source) ?? [];
    list.push(sample);
    bySource.set(source, list);
  }
  entry.samples.clear();
  for (const [source, samples] of bySource) publishMetricSamples({ releaseId, source, samples });
}
