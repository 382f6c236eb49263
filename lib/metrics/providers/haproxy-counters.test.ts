import { describe, expect, it } from "vitest";
import type { StatRow } from "@/lib/drivers/haproxy-runtime";
import { counterDelta, countersOf, deltaSamples, sumDeltas } from "./haproxy-counters";

function row(fields: Record<string, string>): StatRow {
  return { proxy: "app", server: "green", status: "UP", userWeight: 1, effectiveWeight: 1, checkStatus: "", checkDescription: "", lastChange: null, fields };
}

const t0 = new Date("2026-11-29T12:00:00.000Z");
const t1 = new Date("2026-11-29T12:00:02.000Z");

describe("HAProxy counters", () => {
  it("reads req_tot, 5xx and rtime, falling back to the sum of response classes", () => {
    expect(countersOf(row({ req_tot: "120", hrsp_5xx: "3", rtime: "42" }), t0)).toEqual({ at: t0.getTime(), requests: 120, errors5xx: 3, responseTimeMs: 42 });
    expect(countersOf(row({ hrsp_2xx: "90", hrsp_4xx: "5", hrsp_5xx: "5", rtime: "" }), t0)).toMatchObject({ requests: 100, errors5xx: 5, responseTimeMs: null });
  });

  it("turns two polls into a request rate, an error rate and availability", () => {
    const delta = counterDelta(countersOf(row({ req_tot: "1000", hrsp_5xx: "10" }), t0), countersOf(row({ req_tot: "1400", hrsp_5xx: "18", rtime: "35" }), t1));
    expect(delta).toEqual({ seconds: 2, requests: 400, errors5xx: 8 });
    expect(deltaSamples("green", delta!, 35, t1)).toEqual([
      { metric: "request_rate", environment: "green", at: t1, value: 200 },
      { metric: "error_rate", environment: "green", at: t1, value: 2 },
      { metric: "availability", environment: "green", at: t1, value: 98 },
      { metric: "latency_avg", environment: "green", at: t1, value: 35 },
    ]);
  });

  it("gives nothing on the first poll and after a reload reset the counters", () => {
    const current = countersOf(row({ req_tot: "5", hrsp_5xx: "0" }), t1);
    expect(counterDelta(undefined, current)).toBeNull();
    expect(counterDelta(countersOf(row({ req_tot: "9000", hrsp_5xx: "2" }), t0), current)).toBeNull();
  });

  it("reports a request rate of zero but no availability when no request came", () => {
    const samples = deltaSamples("blue", { seconds: 1, requests: 0, errors5xx: 0 }, 12, t1);
    expect(samples).toEqual([{ metric: "request_rate", environment: "blue", at: t1, value: 0 }]);
  });

  it("adds both servers' deltas for the whole fleet", () => {
    expect(sumDeltas([{ seconds: 1, requests: 300, errors5xx: 3 }, { seconds: 1, requests: 100, errors5xx: 5 }])).toEqual({ seconds: 1, requests: 400, errors5xx: 8 });
  });
});
