import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { onMetricSamples, type MetricSamplesEvent } from "@/lib/events/bus";
import { publishLiveSamples } from "./live-samples";

const releaseId = "7d3c0d4e-1111-4000-8000-000000000001";
const at = (second: number) => new Date(Date.UTC(2026, 10, 29, 12, 0, second));
// Events go out on the next turn of the event loop (after the caller's answer).
const nextTurn = () => vi.advanceTimersByTime(0);

describe("live metric events", () => {
  let events: MetricSamplesEvent[];
  let stop: () => void;

  beforeEach(() => {
    vi.useFakeTimers({ now: at(0) });
    events = [];
    stop = onMetricSamples((event) => events.push(event));
  });

  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  it("sends the first batch at once and folds the rest of the second into one event with each series' newest sample", () => {
    publishLiveSamples(releaseId, "push", [{ metric: "error_rate", environment: "green", at: at(0), value: 1 }]);
    expect(events).toHaveLength(0);
    nextTurn();
    expect(events).toHaveLength(1);

    publishLiveSamples(releaseId, "push", [
      { metric: "error_rate", environment: "green", at: at(1), value: 2 },
      { metric: "error_rate", environment: "blue", at: at(1), value: 0.1 },
    ]);
    publishLiveSamples(releaseId, "push", [
      { metric: "error_rate", environment: "green", at: at(2), value: 3 },
      { metric: "error_rate", environment: "green", at: at(0), value: 99 },
    ]);
    nextTurn();
    expect(events).toHaveLength(1);

    vi.advanceTimersByTime(1_000);
    expect(events).toHaveLength(2);
    expect(events[1]).toEqual({
      releaseId,
      source: "push",
      samples: [
        { metric: "error_rate", environment: "green", at: at(2).toISOString(), value: 3 },
        { metric: "error_rate", environment: "blue", at: at(1).toISOString(), value: 0.1 },
      ],
    });
  });

  it("sends each batch of a steady 1 Hz source at once, however early or late it comes within the second", () => {
    const start = at(10).getTime();
    // Arrival offsets from an exact 1 s grid, in ms: early, late, early by more.
    const jitter = [0, -7, 12, -40, 3, -95, 60, -1, 0, -20];
    jitter.forEach((offset, second) => {
      vi.setSystemTime(start + second * 1_000 + offset);
      publishLiveSamples(releaseId, "collector", [{ metric: "availability", environment: "green", at: new Date(Date.now()), value: 99.9 }]);
      nextTurn();
      expect(events).toHaveLength(second + 1);
    });
  });

  it("folds a fast source into one event a second with each series' newest value", () => {
    const start = at(30).getTime();
    vi.setSystemTime(start);
    publishLiveSamples(releaseId, "pipeline", [{ metric: "request_rate", environment: "blue", at: at(30), value: 1 }]);
    nextTurn();
    expect(events).toHaveLength(1);
    // Ten batches a second for three seconds.
    for (let tenth = 1; tenth <= 30; tenth += 1) {
      vi.advanceTimersByTime(100);
      publishLiveSamples(releaseId, "pipeline", [{ metric: "request_rate", environment: "blue", at: new Date(Date.now()), value: tenth }]);
    }
    // One event a second: at 1 s, 2 s and 3 s after the first.
    expect(events).toHaveLength(4);
    expect(events.map((event) => event.samples[0]!.value)).toEqual([1, 9, 19, 29]);
  });
});
