import { mutate, type Actor } from "@/lib/audit/mutate";
import type { AuthUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { statusOf } from "./gate-state";
import { claimGate, readGate, settleGate } from "./gate-write";
import type { GateDto } from "./gates.validation";

// Asks for a gate's approval. The requester is remembered because they may
// not approve their own request (unless the gate allows it). Asking again
// while pending is a reminder and keeps the original requester; asking after
// a rejection starts a new round, so the rejection and the old approvals no
// longer count.
export async function requestGate(actor: Actor, user: AuthUser, releaseId: string, gateId: string): Promise<GateDto> {
  return mutate(actor, async ({ tx, audit }) => {
    const now = new Date();
    const gate = await readGate(tx, releaseId, gateId, now);
    const status = statusOf(gate.state);
    if (status === "approved") {
      throw new AppError("CONFLICT", "This gate is already approved; there is nothing to request", { current: gate.dto });
    }
    const newRound = status === "rejected";
    const firstRequest = gate.row.requestedById === null;
    await claimGate(tx, gate, {
      requestedAt: now,
      ...(newRound || firstRequest ? { requestedById: user.id } : {}),
      ...(newRound ? { round: { increment: 1 }, status: "pending", decidedAt: null } : {}),
    });
    const updated = await settleGate(tx, releaseId, gateId, now);
    await audit({
      releaseId,
      action: "gate.requested",
      subjectType: "Gate",
      subjectId: gateId,
      before: { status, round: gate.row.round, requestedById: gate.row.requestedById, version: gate.row.version },
      after: {
        key: updated.row.key,
        status: updated.dto.status,
        round: updated.row.round,
        requestedById: updated.row.requestedById,
        reminder: !newRound && !firstRequest,
        version: updated.row.version,
      },
      live: { gate: updated.dto },
    });
    return updated.dto;
  });
}
