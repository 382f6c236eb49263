import { describe, expect, it } from "vitest";
import { applyOffset, isValidTimeZone } from "./zoned-time";

describe("applyOffset", () => {
  const launch = new Date("2025-07-01T03:00:00+09:00");

  it("places the seed's phases on Seoul wall-clock times", () => {
    expect(applyOffset(launch, {}, "Asia/Seoul").toISOString()).toBe("2025-06-30T18:00:00.000Z");
    expect(applyOffset(launch, { days: -3, hours: 6 }, "Asia/Seoul").toISOString()).toBe("2025-06-28T00:00:00.000Z");
    expect(applyOffset(launch, { minutes: 30 }, "Asia/Seoul").toISOString()).toBe("2025-06-30T18:30:00.000Z");
    expect(applyOffset(launch, { hours: 48 }, "Asia/Seoul").toISOString()).toBe("2025-07-02T18:00:00.000Z");
  });

  it("keeps the local hour when days cross a daylight-saving change", () => {
    const afterSpringForward = new Date("2025-03-10T09:00:00-04:00");
    expect(applyOffset(afterSpringForward, { days: -3 }, "America/New_York").toISOString()).toBe("2025-03-07T14:00:00.000Z");
  });
});

describe("isValidTimeZone", () => {
  it("accepts IANA names and rejects others", () => {
    expect(isValidTimeZone("Asia/Seoul")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });
});
