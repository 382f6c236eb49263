import { describe, expect, it } from "vitest";
import type { ReleaseEvent } from "@/lib/client/types";
import { guardBreachFrom } from "./guard-breach";

const event = (type: string, data: unknown): ReleaseEvent => ({ releaseId: "r1", seq: 7, type, data });

describe("guardBreachFrom", () => {
  it("reads the criterion, values, window and policy of an audited breach", () => {
    const breach = guardBreachFrom(
      event("guard.breached", {
        auditId: "42",
        at: "2025-07-01T00:05:00.000Z",
        after: {
          criterion: { id: "c1", key: "rollback.error-rate", title: { en: "API error rate above 5%", ko: "API 오류율 5% 초과" }, metric: "error_rate", environment: "green" },
          values: { observed: 8.2, threshold: 5, sampleCount: 30, windowCoverage: 1, from: "2025-07-01T00:04:30.000Z", to: "2025-07-01T00:05:00.000Z" },
          window: { from: "2025-07-01T00:04:30.000Z", to: "2025-07-01T00:05:00.000Z" },
          reason: "avg(error_rate) = 8.2 > 5",
          policy: "auto",
          phase: "cutover",
        },
      }),
    );
    expect(breach).toEqual({
      id: "42",
      at: "2025-07-01T00:05:00.000Z",
      criterionKey: "rollback.error-rate",
      title: { en: "API error rate above 5%", ko: "API 오류율 5% 초과" },
      metric: "error_rate",
      observed: 8.2,
      threshold: 5,
      windowFrom: "2025-07-01T00:04:30.000Z",
      windowTo: "2025-07-01T00:05:00.000Z",
      policy: "auto",
      reason: "avg(error_rate) = 8.2 > 5",
    });
  });

  it("ignores other events and breaches that name no criterion", () => {
    expect(guardBreachFrom(event("criterion.updated", { after: { criterionKey: "x" } }))).toBeNull();
    expect(guardBreachFrom(event("guard.breached", { after: { values: { observed: 9 } } }))).toBeNull();
  });
});
