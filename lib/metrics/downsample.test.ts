import { describe, expect, it } from "vitest";
import { bucketStart, downsampleCutoff } from "./downsample";

describe("downsampling arithmetic", () => {
  it("puts a sample in the 60 s bucket that starts at or before it", () => {
    expect(bucketStart(new Date("2026-11-29T12:34:56.789Z"))).toEqual(new Date("2026-11-29T12:34:00.000Z"));
    expect(bucketStart(new Date("2026-11-29T12:34:00.000Z"))).toEqual(new Date("2026-11-29T12:34:00.000Z"));
  });

  it("aligns the cut-off down to a bucket start, so no bucket is averaged half-full", () => {
    const now = new Date("2026-11-29T12:00:30.000Z");
    expect(downsampleCutoff(now, 48)).toEqual(new Date("2026-11-27T12:00:00.000Z"));
    expect(downsampleCutoff(now, 1)).toEqual(new Date("2026-11-29T11:00:00.000Z"));
  });
});
