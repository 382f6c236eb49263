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
          criterionKey: "error-rate",
          criterionTitleEn: "API error rate above 5 %",
          criterionTitleKo: "API 오류율 5 % 초과",
          observed: 8.2,
          threshold: 5,
          windowFrom: "2025-07-01T00:00:00.000Z",
          windowTo: "2025-07-01T00:05:00.000Z",
          policy: "auto",
          reason: "avg(error_rate) = 8.2 > 5",
        },
      }),
    );
    expect(breach).toMatchObject({
      id: "42",
      criterionKey: "error-rate",
      title: { en: "API error rate above 5 %", ko: "API 오류율 5 % 초과" },
      observed: 8.2,
      threshold: 5,
      windowFrom: "2025-07-01T00:00:00.000Z",
      windowTo: "2025-07-01T00:05:00.000Z",
      policy: "auto",
    });
  });

  it("takes the metric and comparator from a criterion sent with the live event", () => {
    const breach = guardBreachFrom(
      event("guard.breached", {
        after: { criterionKey: "availability", policy: "propose" },
        criterion: { key: "availability", metric: "availability", comparator: "lt", threshold: 90, windowSec: 300 },
        evaluation: { values: { observed: 71.5, threshold: 90 } },
      }),
    );
    expect(breach).toMatchObject({ metric: "availability", comparator: "lt", observed: 71.5, threshold: 90, windowSec: 300, policy: "propose" });
  });

  it("ignores other events and breaches that name no criterion", () => {
    expect(guardBreachFrom(event("criterion.updated", { after: { criterionKey: "x" } }))).toBeNull();
    expect(guardBreachFrom(event("guard.breached", { after: {} }))).toBeNull();
  });
});
