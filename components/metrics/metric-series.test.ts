import { describe, expect, it } from "vitest";
import { chartSeries, mergePoints, queryStepSec, timeTicks, unitOf, type MetricPoint } from "./metric-series";

const t0 = Date.parse("2025-07-01T00:00:00.000Z");
const at = (seconds: number) => new Date(t0 + seconds * 1000).toISOString();
const point = (seconds: number, value: number): MetricPoint => ({ at: at(seconds), value });

describe("mergePoints", () => {
  it("appends live samples in time order and drops what fell out of the range", () => {
    const merged = mergePoints([point(0, 1), point(1, 2), point(2, 3)], [point(4, 5), point(3, 4)], t0 + 1000);
    expect(merged.map((p) => p.value)).toEqual([2, 3, 4, 5]);
  });

  it("keeps one point per instant, the later copy winning", () => {
    expect(mergePoints([point(1, 2)], [point(1, 7)], t0)).toEqual([point(1, 7)]);
  });

  it("never keeps NaN or infinite values", () => {
    expect(mergePoints([], [point(1, Number.NaN), point(2, Number.POSITIVE_INFINITY), point(3, 1)], t0)).toEqual([point(3, 1)]);
  });
});

describe("chartSeries", () => {
  const window = { from: t0, to: t0 + 60_000, maxPoints: 600 };

  it("draws every sample of a sparse series as it is", () => {
    const series = chartSeries([point(0, 1), point(1, 2), point(2, 3)], window);
    expect(series).toEqual([
      { at: t0, value: 1 },
      { at: t0 + 1000, value: 2 },
      { at: t0 + 2000, value: 3 },
    ]);
  });

  it("breaks the line where the source went quiet, instead of drawing zero", () => {
    const points = [0, 1, 2, 3, 30, 31, 32].map((second) => point(second, 99));
    const series = chartSeries(points, window);
    expect(series.filter((p) => p.value === null)).toHaveLength(1);
    expect(series.some((p) => p.value === 0)).toBe(false);
    const gapIndex = series.findIndex((p) => p.value === null);
    expect(series[gapIndex - 1]!.at).toBe(t0 + 3000);
    expect(series[gapIndex + 1]!.at).toBe(t0 + 30_000);
  });

  it("does not break the line for one missed sample", () => {
    const points = [0, 1, 2, 4, 5, 6].map((second) => point(second, 1));
    expect(chartSeries(points, window).some((p) => p.value === null)).toBe(false);
  });

  it("averages dense data into at most maxPoints buckets", () => {
    const points = Array.from({ length: 3600 }, (_, second) => point(second, second % 2 === 0 ? 10 : 20));
    const series = chartSeries(points, { from: t0, to: t0 + 3_600_000, maxPoints: 360 });
    expect(series).toHaveLength(360);
    expect(series.every((p) => p.value === 15)).toBe(true);
  });

  it("leaves out samples outside the window and non-finite values", () => {
    const series = chartSeries([point(-5, 1), point(1, Number.NaN), point(2, 2), point(120, 3)], window);
    expect(series).toEqual([{ at: t0 + 2000, value: 2 }]);
  });
});

describe("unitOf", () => {
  it("names the unit of each built-in metric and none for custom ones", () => {
    expect(unitOf("availability")).toBe("percent");
    expect(unitOf("error_rate")).toBe("percent");
    expect(unitOf("bounce_rate")).toBe("percent");
    expect(unitOf("latency_p99")).toBe("ms");
    expect(unitOf("request_rate")).toBe("rps");
    expect(unitOf("checkout_conversions")).toBeNull();
  });
});

describe("timeTicks", () => {
  it("puts about six ticks on round minutes for a quarter of an hour", () => {
    const from = t0 + 20_000;
    const ticks = timeTicks(from, from + 15 * 60_000);
    expect(ticks).toHaveLength(5);
    expect(ticks.every((tick) => tick % (3 * 60_000) === 0)).toBe(true);
  });

  it("spaces two days of ticks by whole hours", () => {
    const ticks = timeTicks(t0, t0 + 48 * 3_600_000);
    expect(ticks[1]! - ticks[0]!).toBe(8 * 3_600_000);
    expect(ticks.every((tick) => tick % 3_600_000 === 0)).toBe(true);
  });
});

describe("queryStepSec", () => {
  it("asks for raw samples up to an hour and for averages beyond", () => {
    expect(queryStepSec("15m")).toBeUndefined();
    expect(queryStepSec("1h")).toBeUndefined();
    expect(queryStepSec("6h")).toBe(30);
    expect(queryStepSec("48h")).toBe(240);
  });
});
