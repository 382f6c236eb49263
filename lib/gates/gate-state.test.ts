import { describe, expect, it } from "vitest";
import { computeGateState, statusOf, type DecisionFact, type GateRules, type ItemFact } from "./gate-state";

const now = new Date("2026-06-01T12:00:00.000Z");
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

function decision(userId: string, kind: DecisionFact["kind"], at: number, extra: Partial<DecisionFact> = {}): DecisionFact {
  return { userId, userName: userId, kind, comment: null, createdAt: minutes(at), expiresAt: null, revokedAt: null, ...extra };
}

const twoOfM: GateRules = { approvalsNeeded: 2, requiredItemKeys: ["a", "b"] };
const itemsDone: ItemFact[] = [
  { key: "a", status: "done" },
  { key: "b", status: "done" },
];

describe("computeGateState", () => {
  it.each<[string, DecisionFact[], { approved: boolean; approvals: number; codes: string[] }]>([
    ["no decisions: approvals missing", [], { approved: false, approvals: 0, codes: ["APPROVALS_MISSING"] }],
    ["one of two approvals", [decision("u1", "approve", -5)], { approved: false, approvals: 1, codes: ["APPROVALS_MISSING"] }],
    ["two distinct approvers", [decision("u1", "approve", -5), decision("u2", "approve", -4)], { approved: true, approvals: 2, codes: [] }],
    ["the same user twice counts once", [decision("u1", "approve", -5), decision("u1", "approve", -4)], { approved: false, approvals: 1, codes: ["APPROVALS_MISSING"] }],
    [
      "a rejection blocks even with enough approvals",
      [decision("u1", "approve", -5), decision("u2", "approve", -4), decision("u3", "reject", -3, { comment: "not yet" })],
      { approved: false, approvals: 2, codes: ["REJECTED"] },
    ],
    [
      "approving after rejecting withdraws the rejection",
      [decision("u1", "reject", -5, { comment: "wait" }), decision("u1", "approve", -4), decision("u2", "approve", -3)],
      { approved: true, approvals: 2, codes: [] },
    ],
    [
      "rejecting after approving withdraws the approval",
      [decision("u1", "approve", -5), decision("u2", "approve", -4), decision("u2", "reject", -3, { comment: "found a bug" })],
      { approved: false, approvals: 1, codes: ["REJECTED", "APPROVALS_MISSING"] },
    ],
    [
      "a revoked approval does not count",
      [decision("u1", "approve", -5), decision("u2", "approve", -4, { revokedAt: minutes(-2) }), decision("u2", "revoke", -2)],
      { approved: false, approvals: 1, codes: ["APPROVALS_MISSING"] },
    ],
    [
      "an expired approval does not count",
      [decision("u1", "approve", -5), decision("u2", "approve", -120, { expiresAt: minutes(-60) })],
      { approved: false, approvals: 1, codes: ["APPROVALS_MISSING"] },
    ],
    [
      "an approval expiring exactly now has expired",
      [decision("u1", "approve", -5), decision("u2", "approve", -60, { expiresAt: now })],
      { approved: false, approvals: 1, codes: ["APPROVALS_MISSING"] },
    ],
    [
      "an approval not yet expired counts",
      [decision("u1", "approve", -5), decision("u2", "approve", -60, { expiresAt: minutes(1) })],
      { approved: true, approvals: 2, codes: [] },
    ],
    ["an override opens the gate with no approvals", [decision("rm", "override", -1, { comment: "site is down" })], { approved: true, approvals: 0, codes: [] }],
    ["a revoked override does not", [decision("rm", "override", -2, { revokedAt: minutes(-1) })], { approved: false, approvals: 0, codes: ["APPROVALS_MISSING"] }],
    ["an expired override does not", [decision("rm", "override", -90, { expiresAt: minutes(-30) })], { approved: false, approvals: 0, codes: ["APPROVALS_MISSING"] }],
  ])("%s", (_name, decisions, expected) => {
    const state = computeGateState(twoOfM, decisions, itemsDone, now);
    expect({ approved: state.approved, approvals: state.approvals, codes: state.blockers.map((b) => b.code) }).toEqual(expected);
    expect(state.needed).toBe(2);
  });

  it("lists the required items that are not done, counting n/a as done and an unknown item as open", () => {
    const rules: GateRules = { approvalsNeeded: 1, requiredItemKeys: ["a", "b", "c", "gone"] };
    const items: ItemFact[] = [
      { key: "a", status: "done" },
      { key: "b", status: "n_a" },
      { key: "c", status: "blocked" },
    ];
    const state = computeGateState(rules, [decision("u1", "approve", -1)], items, now);
    expect(state.approved).toBe(false);
    expect(state.blockers).toEqual([{ code: "ITEMS_NOT_DONE", message: "2 required checklist items are not done", itemKeys: ["c", "gone"] }]);
  });

  it("lists every blocker at once, with who rejected and why, and how many approvals expired", () => {
    const items: ItemFact[] = [
      { key: "a", status: "todo" },
      { key: "b", status: "done" },
    ];
    const decisions = [decision("u1", "approve", -120, { expiresAt: minutes(-1) }), decision("u2", "reject", -3, { comment: "logs are red" })];
    const state = computeGateState(twoOfM, decisions, items, now);
    expect(state.blockers).toEqual([
      { code: "REJECTED", message: "Rejected by u2: logs are red" },
      { code: "APPROVALS_MISSING", message: "0 of 2 approvals (1 expired)" },
      { code: "ITEMS_NOT_DONE", message: "1 required checklist item is not done", itemKeys: ["a"] },
    ]);
    expect(statusOf(state)).toBe("rejected");
  });

  it("an override opens the gate over open items and a rejection, and says so", () => {
    const items: ItemFact[] = [{ key: "a", status: "todo" }];
    const decisions = [decision("u2", "reject", -3, { comment: "no" }), decision("rm", "override", -1, { comment: "customers are down" })];
    const state = computeGateState(twoOfM, decisions, items, now);
    expect(state).toEqual({ approved: true, overridden: true, approvals: 0, needed: 2, blockers: [] });
    expect(statusOf(state)).toBe("approved");
  });

  it("is pending while approvals or items are missing and nobody rejected", () => {
    expect(statusOf(computeGateState(twoOfM, [], itemsDone, now))).toBe("pending");
  });
});
