import { prisma, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { computeGateState, isExpired, statusOf, type DecisionFact, type GateState } from "./gate-state";
import type { GateDto } from "./gates.validation";

export const gateSelect = {
  id: true,
  releaseId: true,
  key: true,
  position: true,
  titleKo: true,
  titleEn: true,
  requiredRoles: true,
  approvalsNeeded: true,
  allowSelfApproval: true,
  approvalTtlSec: true,
  requiredItemKeys: true,
  status: true,
  round: true,
  requestedById: true,
  requestedAt: true,
  decidedAt: true,
  version: true,
  decisions: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, userId: true, round: true, kind: true, comment: true, createdAt: true, expiresAt: true, revokedAt: true, user: { select: { id: true, name: true } } },
  },
} as const satisfies Prisma.GateSelect;

export type GateRow = Prisma.GateGetPayload<{ select: typeof gateSelect }>;
export type DecisionRow = GateRow["decisions"][number];

// A gate as stored, its state as of `now`, and what the API returns for it.
export interface GateView {
  row: GateRow;
  state: GateState;
  dto: GateDto;
}

export function currentDecisions(row: GateRow): DecisionRow[] {
  return row.decisions.filter((decision) => decision.round === row.round);
}

export function decisionFacts(decisions: readonly DecisionRow[]): DecisionFact[] {
  return decisions.map((d) => ({
    userId: d.userId,
    userName: d.user.name,
    kind: d.kind,
    comment: d.comment,
    createdAt: d.createdAt,
    expiresAt: d.expiresAt,
    revokedAt: d.revokedAt,
  }));
}

// Reads the release's gates (all, or those matching `filter`) with the
// checklist they depend on; pass the transaction to see its own writes.
export async function loadGates(
  releaseId: string,
  filter: Prisma.GateWhereInput = {},
  db: Tx = prisma,
  now: Date = new Date(),
): Promise<GateView[]> {
  const rows = await db.gate.findMany({ where: { releaseId, ...filter }, orderBy: { position: "asc" }, select: gateSelect });
  if (rows.length === 0) return [];
  const items = await db.checklistItem.findMany({ where: { releaseId }, select: { key: true, status: true } });
  const requesterIds = [...new Set(rows.flatMap((row) => (row.requestedById ? [row.requestedById] : [])))];
  const requesters = await db.user.findMany({ where: { id: { in: requesterIds } }, select: { id: true, name: true } });
  const requesterById = new Map(requesters.map((user) => [user.id, user]));

  return rows.map((row) => {
    const decisions = currentDecisions(row);
    const state = computeGateState(row, decisionFacts(decisions), items, now);
    return { row, state, dto: toGateDto(row, decisions, state, requesterById, now) };
  });
}

function toGateDto(
  row: GateRow,
  decisions: readonly DecisionRow[],
  state: GateState,
  requesterById: Map<string, { id: string; name: string }>,
  now: Date,
): GateDto {
  return {
    id: row.id,
    key: row.key,
    position: row.position,
    title: { ko: row.titleKo, en: row.titleEn },
    requiredRoles: row.requiredRoles,
    approvalsNeeded: row.approvalsNeeded,
    allowSelfApproval: row.allowSelfApproval,
    approvalTtlSec: row.approvalTtlSec,
    requiredItemKeys: row.requiredItemKeys,
    // The stored status is a snapshot from the gate's last change; expiry and
    // ticked items move the real one, so the API shows the computed status.
    status: statusOf(state),
    round: row.round,
    requestedBy: row.requestedById ? (requesterById.get(row.requestedById) ?? { id: row.requestedById, name: "" }) : null,
    requestedAt: row.requestedAt?.toISOString() ?? null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    version: row.version,
    state,
    decisions: decisions.map((d) => ({
      id: d.id,
      kind: d.kind,
      user: d.user,
      comment: d.comment,
      at: d.createdAt.toISOString(),
      expiresAt: d.expiresAt?.toISOString() ?? null,
      expired: isExpired(d, now),
      revokedAt: d.revokedAt?.toISOString() ?? null,
    })),
  };
}
