import type { MutationContext } from "@/lib/audit/mutate";
import type { Tx } from "@/lib/db/client";
import { computeGateState } from "./gate-state";
import { currentDecisions, decisionFacts, loadGates } from "./gate-view";
import type { GateDto } from "./gates.validation";

// Called in the transaction that took a required item out of done (or n/a):
// approvals given while it was done no longer hold, so every gate that was
// approved with it starts a new round. A gate opened by an override stays
// open: the override already went ahead without the checklist.
export async function reopenGatesForItem(
  tx: Tx,
  audit: MutationContext["audit"],
  releaseId: string,
  itemKey: string,
): Promise<GateDto[]> {
  const now = new Date();
  // Only a gate that was approved can re-open; one with no approval in any
  // round (the usual case before go-live) is ruled out inside this query, so
  // un-ticking an item costs one extra round trip, not a gate reload.
  const gates = await loadGates(
    releaseId,
    { requiredItemKeys: { has: itemKey }, OR: [{ approvalsNeeded: { lte: 0 } }, { decisions: { some: { kind: "approve" } } }] },
    tx,
    now,
  );
  if (gates.length === 0) return [];
  const items = await tx.checklistItem.findMany({ where: { releaseId }, select: { key: true, status: true } });
  const asBefore = items.map((item) => (item.key === itemKey ? { ...item, status: "done" as const } : item));

  const reopened: GateDto[] = [];
  for (const gate of gates) {
    const before = computeGateState(gate.row, decisionFacts(currentDecisions(gate.row)), asBefore, now);
    if (!before.approved || before.overridden) continue;
    // No version check: whatever else changed, this gate's approvals rested
    // on an item that is no longer done, so the new round is right.
    await tx.gate.update({
      where: { id: gate.row.id },
      data: { round: { increment: 1 }, status: "pending", decidedAt: null, version: { increment: 1 } },
    });
    const [updated] = await loadGates(releaseId, { id: gate.row.id }, tx, now);
    if (!updated) continue;
    await audit({
      releaseId,
      action: "gate.reopened",
      subjectType: "Gate",
      subjectId: gate.row.id,
      before: { status: "approved", round: gate.row.round, version: gate.row.version },
      after: { key: gate.row.key, status: updated.dto.status, round: updated.row.round, itemKey, version: updated.row.version },
      live: { gate: updated.dto },
    });
    reopened.push(updated.dto);
  }
  return reopened;
}
