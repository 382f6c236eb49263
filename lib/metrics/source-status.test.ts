import { describe, expect, it } from "vitest";
import { effectiveStatus } from "./source-status";

const now = new Date("2026-11-29T12:00:00.000Z");
const row = { source: "prometheus", lastError: null, lastErrorAt: null };

describe("a source's status as shown", () => {
  it("is ok while samples keep coming and quiet once they stop", () => {
    expect(effectiveStatus({ ...row, status: "ok", lastSampleAt: new Date(now.getTime() - 5_000) }, 15_000, now).status).toBe("ok");
    expect(effectiveStatus({ ...row, status: "ok", lastSampleAt: new Date(now.getTime() - 16_000) }, 15_000, now).status).toBe("quiet");
    expect(effectiveStatus({ ...row, status: "ok", lastSampleAt: null }, 15_000, now).status).toBe("quiet");
  });

  it("stays failing until a sample is stored again", () => {
    expect(effectiveStatus({ ...row, status: "failing", lastSampleAt: now, lastError: "timeout", lastErrorAt: now }, 15_000, now)).toMatchObject({ status: "failing", lastError: "timeout" });
  });
});
