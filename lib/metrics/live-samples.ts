import { publishMetricSamples, type MetricSamplesEvent } from "@/lib/events/bus";
import { afterResponse } from "@/lib/http/after-response";
import type { Sample } from "./sample";

// Live charts move at 1 Hz, while a pipeline may push thousands of samples a
// second; sending every batch to every viewer would flood their sockets. Per
// release, the first batch after a quiet second goes out at once and later
// ones are folded into one event a second later, keeping the newest sample of
// each series. A chart that needs every point reads the series API.
export const liveIntervalMs = 1_000;
// A steady 1 Hz source (a collector, the simulated fleets, the poller) comes
// a little early or late each second. A batch that comes at least this long
// after the last event goes out at once, so such a source never waits for a
// timer. (It used to wait whenever it beat the last event by a millisecond;
// each wait started the next second later, and the delay grew by the timer's
// lateness every second.)
const onTimeMs = liveIntervalMs * 0.9;

type SeriesKey = string;

// The newest sample of a series; its time stays a Date until the event is
// built (a pipeline's batch of thousands is folded here sample by sample).
interface Held {
  source: string;
  metric: string;
  environment: string;
  at: Date;
  value: number;
}

interface Pending {
  samples: Map<SeriesKey, Held>;
  // An event is on its way (folding, or queued behind the HTTP answer).
  scheduled: boolean;
  lastSentAt: number;
}

const pending = new Map<string, Pending>();

export function publishLiveSamples(releaseId: string, source: string, samples: readonly Sample[], nowMs: number = Date.now()): void {
  if (samples.length === 0) return;
  let entry = pending.get(releaseId);
  if (!entry) {
    entry = { samples: new Map(), scheduled: false, lastSentAt: 0 };
    pending.set(releaseId, entry);
  }
  for (const sample of samples) {
    const key = `${source}\u0000${sample.metric}\u0000${sample.environment}`;
    const held = entry.samples.get(key);
    if (!held || held.at <= sample.at) {
      entry.samples.set(key, { source, metric: sample.metric, environment: sample.environment, at: sample.at, value: sample.value });
    }
  }
  if (entry.scheduled) return;
  entry.scheduled = true;
  if (nowMs - entry.lastSentAt >= onTimeMs) {
    // As mutate() publishes: the push request answers first, then the
    // samples fan out.
    entry.lastSentAt = nowMs;
    afterResponse(() => flush(releaseId, nowMs));
    return;
  }
  // Folded: due one interval after the last event. The event counts as sent
  // when it was due, not when the timer got round to it, so lateness does not
  // carry into the next second.
  const due = entry.lastSentAt + liveIntervalMs;
  setTimeout(() => flush(releaseId, due), Math.max(0, due - nowMs)).unref();
}

function flush(releaseId: string, sentAt: number): void {
  const entry = pending.get(releaseId);
  if (!entry) return;
  entry.scheduled = false;
  entry.lastSentAt = sentAt;
  const bySource = new Map<string, MetricSamplesEvent["samples"]>();
  for (const { source, metric, environment, at, value } of entry.samples.values()) {
    const list = bySource.get(source) ?? [];
    list.push({ metric, environment, at: at.toISOString(), value });
    bySource.set(source, list);
  }
  entry.samples.clear();
  for (const [source, samples] of bySource) publishMetricSamples({ releaseId, source, samples });
}
