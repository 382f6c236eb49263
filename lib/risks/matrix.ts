// The impact × likelihood view of the register: a 5 × 5 grid of risk ids and
// a band per score. Pure, for the page and for tests.

export type RiskBand = "low" | "medium" | "high" | "critical";

export const matrixScale = [1, 2, 3, 4, 5] as const;

export function riskScore(severity: number, likelihood: number): number {
  return severity * likelihood;
}

// 1–4 low, 5–9 medium, 10–14 high, 15–25 critical.
export function riskBand(score: number): RiskBand {
  if (score >= 15) return "critical";
  if (score >= 10) return "high";
  if (score >= 5) return "medium";
  return "low";
}

export interface MatrixRisk {
  id: string;
  severity: number;
  likelihood: number;
  status: string;
}

// cells[impact - 1][likelihood - 1]; closed risks leave the grid, and scores
// outside 1–5 are clamped so an odd value never drops a risk from view.
export function bucketRisks<T extends MatrixRisk>(risks: readonly T[]): T[][][] {
  const cells: T[][][] = matrixScale.map(() => matrixScale.map(() => []));
  const clamp = (value: number) => Math.min(5, Math.max(1, Math.round(value)));
  for (const risk of risks) {
    if (risk.status === "closed") continue;
    (cells[clamp(risk.severity) - 1] as T[][])[clamp(risk.likelihood) - 1]?.push(risk);
  }
  return cells;
}
