import { describe, expect, it } from "vitest";
import { phaseStatusFromOperations, type OperationFact } from "./phase-status";

const op = (kind: string, status: string, minutesAgo: number, rehearsal = false): OperationFact => ({
  kind,
  status,
  rehearsal,
  createdAt: new Date(Date.UTC(2026, 6, 1, 12) - minutesAgo * 60_000),
});
const cutoverPhase = { key: "blue-green", status: "pending" as const };
const migrationPhase = { key: "db-migration", status: "pending" as const };

describe("phaseStatusFromOperations", () => {
  it("shows the cutover phase running while a cutover runs, pauses or waits for attention", () => {
    for (const status of ["pending", "running", "paused", "needs_attention"]) {
      expect(phaseStatusFromOperations(cutoverPhase, [op("cutover", status, 1)])).toBe("running");
    }
  });

  it("shows it done when the latest cutover succeeded and failed when it failed or was aborted", () => {
    expect(phaseStatusFromOperations(cutoverPhase, [op("cutover", "failed", 30), op("cutover", "succeeded", 5)])).toBe("done");
    expect(phaseStatusFromOperations(cutoverPhase, [op("cutover", "succeeded", 30), op("cutover", "aborted", 5)])).toBe("failed");
  });

  it("follows migrations for the migration phase and ignores other kinds", () => {
    expect(phaseStatusFromOperations(migrationPhase, [op("migration", "running", 1), op("cutover", "succeeded", 0)])).toBe("running");
    expect(phaseStatusFromOperations(migrationPhase, [op("cutover", "running", 1)])).toBe("pending");
  });

  it("ignores rehearsals, scheduled and cancelled operations", () => {
    const ops = [op("cutover", "running", 1, true), op("cutover", "scheduled", 0), op("cutover", "cancelled", 2)];
    expect(phaseStatusFromOperations(cutoverPhase, ops)).toBe("pending");
  });

  it("keeps the status set by hand for phases no operation carries out", () => {
    expect(phaseStatusFromOperations({ key: "verification", status: "skipped" }, [op("cutover", "running", 1)])).toBe("skipped");
  });
});
