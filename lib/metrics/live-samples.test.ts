import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { onMetricSamples, type MetricSamplesEvent } from "@/lib/events/bus";
import { publishLiveSamples } from "./live-samples";

const releaseId = "7d3c0d4e-1111-4000-8000-000000000001";
const at = (second: number) => new Date(Date.UTC(2026, 10, 29, 12, 0, second));

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
    expect(events).toHaveLength(1);

    publishLiveSamples(releaseId, "push", [
      { metric: "error_rate", environment: "green", at: at(1), value: 2 },
      { metric: "error_rate", environment: "blue", at: at(1), value: 0.1 },
    ]);
    publishLiveSamples(releaseId, "push", [
      { metric: "error_rate", environment: "green", at: at(2), value: 3 },
      { metric: "error_rate", environment: "green", at: at(0), value: 99 },
    ]);
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
});
