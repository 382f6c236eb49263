import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import type { SampleCandidate } from "./sample";
import { validateSamples } from "./validate-samples";

const now = new Date("2026-11-29T12:00:00.000Z");
const rules = { now, rawRetentionMs: 48 * 3_600_000, allowCustomMetrics: true };

function problemsOf(candidates: SampleCandidate[], overrides: Partial<typeof rules> = {}) {
  try {
    validateSamples(candidates, { ...rules, ...overrides });
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { status: error.status, details: error.details as { index?: number; path: (string | number)[]; message: string }[] };
  }
  return null;
}

describe("validateSamples", () => {
  it("accepts standard and custom metrics and stamps samples without a time with now", () => {
    const samples = validateSamples(
      [
        { metric: "availability", environment: "green", value: 99.95 },
        { metric: "checkout_p95", environment: "all", at: "2026-11-29T11:59:00Z", value: 310 },
      ],
      rules,
    );
    expect(samples).toEqual([
      { metric: "availability", environment: "green", at: now, value: 99.95 },
      { metric: "checkout_p95", environment: "all", at: new Date("2026-11-29T11:59:00Z"), value: 310 },
    ]);
  });

  it.each([
    ["NaN", { value: Number.NaN }, "value"],
    ["infinity", { value: Number.POSITIVE_INFINITY }, "value"],
    ["an unknown metric name", { metric: "Error-Rate" }, "metric"],
    ["an unknown environment", { environment: "canary" }, "environment"],
    ["a time 6 minutes ahead", { at: new Date(now.getTime() + 6 * 60_000) }, "at"],
    ["a time older than the raw retention", { at: new Date(now.getTime() - 49 * 3_600_000) }, "at"],
    ["an unreadable time", { at: "yesterday" }, "at"],
  ] as [string, Partial<SampleCandidate>, string][])("refuses %s, naming the sample and field", (_, change, field) => {
    const good: SampleCandidate = { metric: "error_rate", environment: "green", value: 0.1 };
    const result = problemsOf([good, { ...good, ...change }]);
    expect(result?.status).toBe(400);
    expect(result?.details).toEqual([expect.objectContaining({ index: 1, path: ["samples", 1, field] })]);
  });

  it("allows 4 minutes of clock skew into the future", () => {
    expect(problemsOf([{ metric: "error_rate", environment: "green", at: new Date(now.getTime() + 4 * 60_000), value: 1 }])).toBeNull();
  });

  it("refuses custom names when the release allows only the standard metrics", () => {
    expect(problemsOf([{ metric: "checkout_total", environment: "all", value: 1 }], { allowCustomMetrics: false })?.details[0]?.path).toEqual(["samples", 0, "metric"]);
  });

  it("reports every bad sample at once", () => {
    const bad = { metric: "error_rate", environment: "green", value: Number.NaN };
    expect(problemsOf([bad, bad, { ...bad, value: 1 }, bad])?.details.map((detail) => detail.index)).toEqual([0, 1, 3]);
  });

  it("refuses an empty batch and one over 5,000 samples", () => {
    expect(problemsOf([])?.status).toBe(400);
    const sample = { metric: "error_rate", environment: "green", value: 1 };
    expect(problemsOf(Array.from({ length: 5000 }, () => sample))).toBeNull();
    expect(problemsOf(Array.from({ length: 5001 }, () => sample))?.status).toBe(400);
  });
});
