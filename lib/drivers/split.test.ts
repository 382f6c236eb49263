import { describe, expect, it } from "vitest";
import { greenPercentFromWeights, weightsForSplit } from "./split";
import { DriverError } from "./types";

describe("relative weights", () => {
  it("gives green p and blue 100 − p", () => {
    expect(weightsForSplit(25)).toEqual({ blue: 75, green: 25 });
    expect(weightsForSplit(10)).toEqual({ blue: 90, green: 10 });
  });

  it("takes green out entirely at 0 % and blue at 100 %", () => {
    expect(weightsForSplit(0)).toEqual({ blue: 100, green: 0 });
    expect(weightsForSplit(100)).toEqual({ blue: 0, green: 100 });
  });

  it("refuses shares outside 0–100 or fractional ones", () => {
    for (const bad of [-1, 101, 12.5, Number.NaN]) expect(() => weightsForSplit(bad)).toThrow(DriverError);
  });

  it("reads green's share back from whatever weights the traffic layer reports", () => {
    expect(greenPercentFromWeights({ blue: 75, green: 25 })).toBe(25);
    expect(greenPercentFromWeights({ blue: 1, green: 1 })).toBe(50);
    expect(greenPercentFromWeights({ blue: 200, green: 100 })).toBe(33.33);
    expect(greenPercentFromWeights({ blue: 0, green: 7 })).toBe(100);
    expect(greenPercentFromWeights({ blue: 0, green: 0 })).toBe(0);
  });
});
