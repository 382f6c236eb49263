import type { PhaseStatusValue } from "./phases.validation";

// The phases an operation carries out, by the template's phase keys: while
// the operation runs the phase is running, and it is done when it succeeded.
export const operationPhaseKeys = { cutover: "blue-green", migration: "db-migration" } as const;
type TrackedKind = keyof typeof operationPhaseKeys;

export interface OperationFact {
  kind: string;
  status: string;
  rehearsal: boolean;
  createdAt: Date;
}

const inFlight = new Set(["pending", "running", "paused", "needs_attention"]);

// The status a phase shows: the latest real (non-rehearsal) operation of its
// kind decides, once one has started; otherwise the status set by hand.
export function phaseStatusFromOperations(phase: { key: string; status: PhaseStatusValue }, operations: readonly OperationFact[]): PhaseStatusValue {
  const kind = (Object.keys(operationPhaseKeys) as TrackedKind[]).find((candidate) => operationPhaseKeys[candidate] === phase.key);
  if (!kind) return phase.status;
  const latest = operations
    .filter((operation) => operation.kind === kind && !operation.rehearsal && operation.status !== "scheduled" && operation.status !== "cancelled")
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  if (!latest) return phase.status;
  if (inFlight.has(latest.status)) return "running";
  if (latest.status === "succeeded") return "done";
  return "failed";
}
