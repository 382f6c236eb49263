import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { GateBlocker } from "./gate-state";
import { loadGates } from "./gate-view";

export interface MissingForGate extends Omit<GateBlocker, "code"> {
  gate: string;
  code: GateBlocker["code"] | "GATE_MISSING";
}

// What keeps the gate from being open, empty when it is open. For callers
// that gather every unmet precondition before answering (startOperation).
export async function gateBlockers(tx: Tx, releaseId: string, gateKey: string, now: Date = new Date()): Promise<MissingForGate[]> {
  // Holds the gate until the caller's transaction ends, so a revoke or a
  // re-open cannot slip in between this check and what it guards.
  await tx.$queryRaw`SELECT 1 FROM "Gate" WHERE "releaseId" = ${releaseId}::uuid AND "key" = ${gateKey} FOR SHARE`;
  const [gate] = await loadGates(releaseId, { key: gateKey }, tx, now);
  if (!gate) return [{ gate: gateKey, code: "GATE_MISSING", message: `The release has no "${gateKey}" gate` }];
  if (gate.state.approved) return [];
  return gate.state.blockers.map((blocker) => ({ gate: gateKey, ...blocker }));
}

export async function assertGateOpen(tx: Tx, releaseId: string, gateKey: string): Promise<void> {
  const missing = await gateBlockers(tx, releaseId, gateKey);
  if (missing.length > 0) {
    throw new AppError("PRECONDITION_FAILED", `The "${gateKey}" gate is not approved: ${missing.map((m) => m.message).join("; ")}`, {
      missing,
    });
  }
}
