import { describe, expect, it } from "vitest";
import { metricsConfigFor } from "./poller";

describe("which source a release is polled from", () => {
  it("is the simulated one out of the box", () => {
    expect(metricsConfigFor(undefined, undefined)).toMatchObject({ kind: "simulated", rawRetentionHours: 48 });
    expect(metricsConfigFor(undefined, { kind: "simulated" })).toMatchObject({ kind: "simulated" });
  });

  it("is none while a real load balancer drives traffic and no metrics source is saved", () => {
    const haproxy = { kind: "haproxy", address: "unix:/run/haproxy.sock", backend: "app", blueServer: "b", greenServer: "g", timeoutMs: 1000 };
    expect(metricsConfigFor(undefined, haproxy)).toBeNull();
  });

  it("is the saved setting when there is one", () => {
    expect(metricsConfigFor({ kind: "push", rawRetentionHours: 24, allowCustomMetrics: true }, { kind: "simulated" })).toMatchObject({ kind: "push" });
  });
});
