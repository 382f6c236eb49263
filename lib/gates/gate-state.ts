import type { ChecklistStatus, GateDecisionKind } from "@/lib/db/generated/enums";

// A gate's state computed from facts only (its rules, the decisions of its
// current round, the checklist, the clock), so it can be table-tested and so
// an approval that expires needs no job to flip a stored flag.

export interface GateRules {
  approvalsNeeded: number;
  requiredItemKeys: readonly string[];
}

export interface DecisionFact {
  userId: string;
  userName?: string;
  kind: GateDecisionKind;
  comment: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

export interface ItemFact {
  key: string;
  status: ChecklistStatus;
}

export type GateBlockerCode = "REJECTED" | "APPROVALS_MISSING" | "ITEMS_NOT_DONE";

export interface GateBlocker {
  code: GateBlockerCode;
  message: string;
  itemKeys?: string[];
}

export interface GateState {
  approved: boolean;
  // Approved by an emergency override rather than by approvals and items.
  overridden: boolean;
  approvals: number;
  needed: number;
  blockers: GateBlocker[];
}

export type ComputedGateStatus = "pending" | "approved" | "rejected";

// An item marked not applicable no longer stands in the way, as in the
// release's go-live progress (lib/releases/progress.ts).
export function itemSatisfiesGate(status: ChecklistStatus): boolean {
  return status === "done" || status === "n_a";
}

export function isExpired(decision: Pick<DecisionFact, "expiresAt">, now: Date): boolean {
  return decision.expiresAt !== null && decision.expiresAt.getTime() <= now.getTime();
}

export function computeGateState(rules: GateRules, decisions: readonly DecisionFact[], items: readonly ItemFact[], now: Date): GateState {
  const override = decisions.some((d) => d.kind === "override" && d.revokedAt === null && !isExpired(d, now));

  // N of M counts people, not clicks: each user's latest approve, reject or
  // revoke is their vote, so approving twice counts once, approving after
  // rejecting withdraws the rejection, and a revoke leaves no vote at all.
  const votes = new Map<string, DecisionFact>();
  for (const decision of decisions) {
    if (decision.kind === "override") continue;
    const previous = votes.get(decision.userId);
    if (!previous || previous.createdAt.getTime() <= decision.createdAt.getTime()) votes.set(decision.userId, decision);
  }
  const latest = [...votes.values()].filter((d) => d.revokedAt === null);
  const rejections = latest.filter((d) => d.kind === "reject");
  const approvals = latest.filter((d) => d.kind === "approve" && !isExpired(d, now)).length;
  const expired = latest.filter((d) => d.kind === "approve" && isExpired(d, now)).length;

  const statusByKey = new Map(items.map((item) => [item.key, item.status]));
  // An item the release no longer has cannot be shown done, so it blocks.
  const openItems = rules.requiredItemKeys.filter((key) => {
    const status = statusByKey.get(key);
    return status === undefined || !itemSatisfiesGate(status);
  });

  const blockers: GateBlocker[] = [];
  if (rejections.length > 0) {
    const by = rejections.map((d) => (d.comment ? `${d.userName ?? d.userId}: ${d.comment}` : (d.userName ?? d.userId)));
    blockers.push({ code: "REJECTED", message: `Rejected by ${by.join("; ")}` });
  }
  if (approvals < rules.approvalsNeeded) {
    const note = expired > 0 ? ` (${expired} expired)` : "";
    blockers.push({ code: "APPROVALS_MISSING", message: `${approvals} of ${rules.approvalsNeeded} approvals${note}` });
  }
  if (openItems.length > 0) {
    const noun = openItems.length === 1 ? "item is" : "items are";
    blockers.push({ code: "ITEMS_NOT_DONE", message: `${openItems.length} required checklist ${noun} not done`, itemKeys: openItems });
  }

  if (override) return { approved: true, overridden: true, approvals, needed: rules.approvalsNeeded, blockers: [] };
  return { approved: blockers.length === 0, overridden: false, approvals, needed: rules.approvalsNeeded, blockers };
}

export function statusOf(state: GateState): ComputedGateStatus {
  if (state.approved) return "approved";
  return state.blockers.some((b) => b.code === "REJECTED") ? "rejected" : "pending";
}
