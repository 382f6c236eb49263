import { mutate, type Actor } from "@/lib/audit/mutate";
import { can } from "@/lib/auth/permissions";
import type { AuthUser } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { statusOf } from "./gate-state";
import { currentDecisions, type GateView } from "./gate-view";
import { claimGate, gateConflict, readGate, settleGate } from "./gate-write";
import { overrideReasonMinLength, type DecideGateInput, type GateDto } from "./gates.validation";

// Approve, reject, revoke one's own approval, or override. The route only
// checks `gate.decide`; the gate's own rules (its roles, who requested it,
// the override permission) are checked here, where every caller passes.
export async function decideGate(
  actor: Actor,
  user: AuthUser,
  releaseId: string,
  gateId: string,
  input: DecideGateInput,
): Promise<GateDto> {
  const comment = input.comment?.trim() || null;
  assertComment(input.kind, comment);
  if (input.kind === "override" && !can(user.role, "gate.override")) {
    throw new AppError("FORBIDDEN", "Only a release manager or an admin can override a gate", { permission: "gate.override" });
  }

  return mutate(actor, async ({ tx, audit }) => {
    const now = new Date();
    const gate = await readGate(tx, releaseId, gateId, now);
    if (gate.row.version !== input.version) throw gateConflict(gate);
    if (input.kind === "approve" || input.kind === "reject") assertMayVote(user, gate, input.kind);

    await claimGate(tx, gate);
    if (input.kind === "revoke") await revokeOwnApprovals(tx, user, gate, now);
    const ttl = gate.row.approvalTtlSec;
    const grants = input.kind === "approve" || input.kind === "override";
    await tx.gateDecision.create({
      data: {
        gateId,
        userId: user.id,
        round: gate.row.round,
        kind: input.kind,
        comment,
        createdAt: now,
        // Reasons to go ahead go stale; a "no" stands until it is answered.
        expiresAt: grants && ttl !== null ? new Date(now.getTime() + ttl * 1000) : null,
      },
    });
    const updated = await settleGate(tx, releaseId, gateId, now);

    const overridden = input.kind === "override";
    await audit({
      releaseId,
      // An override bypasses the approvals and the checklist, so it gets an
      // action of its own that stands out in the trail and in filters.
      action: overridden ? "gate.overridden" : "gate.decided",
      subjectType: "Gate",
      subjectId: gateId,
      before: { status: statusOf(gate.state), approvals: gate.state.approvals, version: gate.row.version },
      after: {
        key: gate.row.key,
        kind: input.kind,
        comment,
        round: updated.row.round,
        status: updated.dto.status,
        approvals: updated.state.approvals,
        ...(overridden ? { bypassed: gate.state.blockers } : {}),
        version: updated.row.version,
      },
      live: { gate: updated.dto },
    });
    return updated.dto;
  });
}

function assertComment(kind: DecideGateInput["kind"], comment: string | null): void {
  const problem =
    kind === "reject" && !comment
      ? "Say why you reject, so the requester knows what to fix"
      : kind === "override" && (comment?.length ?? 0) < overrideReasonMinLength
        ? `An override needs a reason of at least ${overrideReasonMinLength} characters`
        : null;
  if (problem) throw new AppError("VALIDATION_FAILED", problem, [{ path: ["comment"], message: problem, code: "custom" }]);
}

function assertMayVote(user: AuthUser, gate: GateView, kind: "approve" | "reject"): void {
  const { requiredRoles, requestedById, requestedAt, allowSelfApproval } = gate.row;
  if (!requiredRoles.includes(user.role)) {
    throw new AppError("FORBIDDEN", `This gate is decided by ${requiredRoles.join(", ")}; your role is ${user.role}`, {
      requiredRoles,
    });
  }
  if (requestedAt === null) {
    throw new AppError("CONFLICT", "Nobody has requested this gate yet; request it before deciding", { reason: "NOT_REQUESTED" });
  }
  if (kind === "approve" && requestedById === user.id && !allowSelfApproval) {
    throw new AppError("SELF_APPROVAL", "You requested this gate, so someone else must approve it", { requestedById });
  }
}

async function revokeOwnApprovals(tx: Tx, user: AuthUser, gate: GateView, now: Date): Promise<void> {
  const mine = currentDecisions(gate.row).filter((d) => d.userId === user.id);
  // Only the latest vote stands; an approve since superseded by a reject is
  // not an approval to revoke.
  const latestVote = mine.filter((d) => d.kind !== "override").at(-1);
  const standing = mine.filter((d) => d.revokedAt === null && (d.kind === "override" || (d === latestVote && d.kind === "approve")));
  if (standing.length === 0) {
    throw new AppError("CONFLICT", "You have no approval on this gate to revoke", { reason: "NOTHING_TO_REVOKE" });
  }
  await tx.gateDecision.updateMany({ where: { id: { in: standing.map((d) => d.id) } }, data: { revokedAt: now } });
}
