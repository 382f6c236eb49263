import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { statusOf } from "./gate-state";
import { loadGates, type GateView } from "./gate-view";

// Shared steps of every gate change: read, claim by version, settle status.

export async function readGate(tx: Tx, releaseId: string, gateId: string, now: Date): Promise<GateView> {
  const [gate] = await loadGates(releaseId, { id: gateId }, tx, now);
  if (!gate) throw new AppError("NOT_FOUND", "Gate not found in this release");
  return gate;
}

export function gateConflict(gate: GateView): AppError {
  return new AppError("VERSION_CONFLICT", "Someone else changed this gate; review its current state and try again", {
    current: gate.dto,
  });
}

// Optimistic concurrency, as for checklist items: the change applies only
// while the gate still has the version read. Every change to a gate or its
// decisions passes here first, so two decisions on the same version cannot
// both count: the second waits on the row lock, then matches no row.
export async function claimGate(tx: Tx, gate: GateView, data: Prisma.GateUpdateManyMutationInput = {}): Promise<void> {
  const { count } = await tx.gate.updateMany({
    where: { id: gate.row.id, version: gate.row.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) throw gateConflict(await readGate(tx, gate.row.releaseId, gate.row.id, new Date()));
}

// Stores the computed status as a snapshot (for queries and the record),
// stamping decidedAt when the gate becomes approved or rejected.
export async function settleGate(tx: Tx, releaseId: string, gateId: string, now: Date): Promise<GateView> {
  const gate = await readGate(tx, releaseId, gateId, now);
  const status = statusOf(gate.state);
  if (status === gate.row.status) return gate;
  await tx.gate.update({ where: { id: gateId }, data: { status, decidedAt: status === "pending" ? null : now } });
  return readGate(tx, releaseId, gateId, now);
}
