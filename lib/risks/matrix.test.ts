import { describe, expect, it } from "vitest";
import { bucketRisks, riskBand, riskScore } from "./matrix";

describe("riskBand", () => {
  it.each([
    [1, "low"],
    [4, "low"],
    [5, "medium"],
    [9, "medium"],
    [10, "high"],
    [12, "high"],
    [15, "critical"],
    [25, "critical"],
  ] as const)("puts a score of %i in the %s band", (score, band) => {
    expect(riskBand(score)).toBe(band);
  });

  it("scores impact times likelihood", () => {
    expect(riskScore(4, 3)).toBe(12);
  });
});

describe("bucketRisks", () => {
  const risk = (id: string, severity: number, likelihood: number, status = "open") => ({ id, severity, likelihood, status });

  it("places each risk in the cell of its impact and likelihood", () => {
    const cells = bucketRisks([risk("a", 5, 1), risk("b", 5, 1), risk("c", 2, 4)]);
    expect(cells[4]?.[0]?.map((r) => r.id)).toEqual(["a", "b"]);
    expect(cells[1]?.[3]?.map((r) => r.id)).toEqual(["c"]);
    expect(cells.flat().flat()).toHaveLength(3);
  });

  it("leaves closed risks out and clamps odd scores into the grid", () => {
    const cells = bucketRisks([risk("closed", 3, 3, "closed"), risk("odd", 9, 0)]);
    expect(cells[2]?.[2]).toEqual([]);
    expect(cells[4]?.[0]?.map((r) => r.id)).toEqual(["odd"]);
  });
});
