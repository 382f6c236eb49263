import { randomUUID } from "node:crypto";
import { mutate, type Actor } from "@/lib/audit/mutate";
import { prisma, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { assertReleaseExists } from "@/lib/releases/get-release";
import { assertActiveUsers } from "@/lib/users/assert-active-user";
import { riskScore } from "./matrix";
import type { CreateRiskInput, LocalizedPatch, RiskDto, UpdateRiskInput } from "./risks.validation";

const riskSelect = {
  id: true,
  key: true,
  position: true,
  titleKo: true,
  titleEn: true,
  impactKo: true,
  impactEn: true,
  mitigationKo: true,
  mitigationEn: true,
  severity: true,
  likelihood: true,
  status: true,
  linkedItemKeys: true,
  version: true,
  owner: { select: { id: true, name: true } },
} as const satisfies Prisma.RiskSelect;
type RiskRow = Prisma.RiskGetPayload<{ select: typeof riskSelect }>;
type ItemRef = { key: string; titleKo: string; titleEn: string; status: string };

function toRiskDto(risk: RiskRow, items: Map<string, ItemRef>): RiskDto {
  return {
    id: risk.id,
    key: risk.key,
    position: risk.position,
    title: { ko: risk.titleKo, en: risk.titleEn },
    impact: { ko: risk.impactKo, en: risk.impactEn },
    mitigation: { ko: risk.mitigationKo, en: risk.mitigationEn },
    severity: risk.severity,
    likelihood: risk.likelihood,
    score: riskScore(risk.severity, risk.likelihood),
    status: risk.status,
    owner: risk.owner,
    linkedItems: risk.linkedItemKeys.flatMap((key) => {
      const item = items.get(key);
      return item ? [{ key, title: { ko: item.titleKo, en: item.titleEn }, status: item.status }] : [];
    }),
    version: risk.version,
  };
}

async function itemsByKey(db: Tx, releaseId: string): Promise<Map<string, ItemRef>> {
  const items = await db.checklistItem.findMany({ where: { releaseId }, select: { key: true, titleKo: true, titleEn: true, status: true } });
  return new Map(items.map((item) => [item.key, item]));
}

export async function listRisks(releaseId: string): Promise<RiskDto[]> {
  await assertReleaseExists(releaseId);
  const [risks, items] = await Promise.all([
    prisma.risk.findMany({ where: { releaseId }, orderBy: { position: "asc" }, select: riskSelect }),
    itemsByKey(prisma, releaseId),
  ]);
  return risks.map((risk) => toRiskDto(risk, items));
}

export async function createRisk(actor: Actor, releaseId: string, input: CreateRiskInput): Promise<RiskDto> {
  return mutate(actor, async ({ tx, audit }) => {
    await assertReleaseExists(releaseId);
    const items = await itemsByKey(tx, releaseId);
    assertKnownItems(input.linkedItemKeys, items);
    if (input.ownerId) await assertActiveUsers(tx, [input.ownerId], () => ["ownerId"]);
    const last = await tx.risk.findFirst({ where: { releaseId }, orderBy: { position: "desc" }, select: { position: true } });
    const title = both(input.title);
    const impact = both(input.impact ?? {});
    const mitigation = both(input.mitigation ?? {});
    const risk = await tx.risk.create({
      data: {
        releaseId,
        key: `risk-${randomUUID().slice(0, 8)}`,
        position: (last?.position ?? -1) + 1,
        titleKo: title.ko,
        titleEn: title.en,
        impactKo: impact.ko,
        impactEn: impact.en,
        mitigationKo: mitigation.ko,
        mitigationEn: mitigation.en,
        severity: input.severity,
        likelihood: input.likelihood,
        status: input.status,
        ownerId: input.ownerId ?? null,
        linkedItemKeys: input.linkedItemKeys,
      },
      select: riskSelect,
    });
    const dto = toRiskDto(risk, items);
    await audit({ releaseId, action: "risk.created", subjectType: "Risk", subjectId: risk.id, after: auditView(dto) });
    return dto;
  });
}

export async function updateRisk(actor: Actor, releaseId: string, riskId: string, input: UpdateRiskInput): Promise<RiskDto> {
  return mutate(actor, async ({ tx, audit }) => {
    const items = await itemsByKey(tx, releaseId);
    const current = await readRisk(tx, releaseId, riskId);
    if (current.version !== input.version) throw conflict(toRiskDto(current, items));
    if (input.linkedItemKeys) assertKnownItems(input.linkedItemKeys, items);
    if (input.ownerId) await assertActiveUsers(tx, [input.ownerId], () => ["ownerId"]);
    const title = input.title ? merge({ ko: current.titleKo, en: current.titleEn }, input.title) : undefined;
    const impact = input.impact ? merge({ ko: current.impactKo, en: current.impactEn }, input.impact) : undefined;
    const mitigation = input.mitigation ? merge({ ko: current.mitigationKo, en: current.mitigationEn }, input.mitigation) : undefined;
    const { count } = await tx.risk.updateMany({
      where: { id: riskId, releaseId, version: input.version },
      data: {
        titleKo: title?.ko,
        titleEn: title?.en,
        impactKo: impact?.ko,
        impactEn: impact?.en,
        mitigationKo: mitigation?.ko,
        mitigationEn: mitigation?.en,
        severity: input.severity,
        likelihood: input.likelihood,
        status: input.status,
        ownerId: input.ownerId,
        linkedItemKeys: input.linkedItemKeys,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw conflict(toRiskDto(await readRisk(tx, releaseId, riskId), items));
    const before = auditView(toRiskDto(current, items));
    const dto = toRiskDto(await readRisk(tx, releaseId, riskId), items);
    const after = auditView(dto);
    const changedBefore: Record<string, unknown> = { version: before.version };
    const changedAfter: Record<string, unknown> = { title: dto.title, version: after.version };
    for (const field of Object.keys(after)) {
      if (field === "version" || JSON.stringify(before[field]) === JSON.stringify(after[field])) continue;
      changedBefore[field] = before[field];
      changedAfter[field] = after[field];
    }
    await audit({ releaseId, action: "risk.updated", subjectType: "Risk", subjectId: riskId, before: changedBefore, after: changedAfter });
    return dto;
  });
}

// One language given: both columns get it. A merge keeps the side not sent.
function both(text: LocalizedPatch): { ko: string; en: string } {
  const ko = text.ko || text.en || "";
  const en = text.en || text.ko || "";
  return { ko, en };
}

function merge(current: { ko: string; en: string }, patch: LocalizedPatch): { ko: string; en: string } {
  return { ko: patch.ko || current.ko, en: patch.en || current.en };
}

function assertKnownItems(keys: readonly string[], items: Map<string, ItemRef>): void {
  const problems = keys
    .map((key, index) => ({ key, index }))
    .filter(({ key }) => !items.has(key))
    .map(({ key, index }) => ({ path: ["linkedItemKeys", index], message: `Unknown checklist item "${key}"`, code: "invalid_value" }));
  if (problems.length > 0) throw new AppError("VALIDATION_FAILED", "Linked checklist items must belong to this release", problems);
}

async function readRisk(tx: Tx, releaseId: string, riskId: string): Promise<RiskRow> {
  const risk = await tx.risk.findFirst({ where: { id: riskId, releaseId }, select: riskSelect });
  if (!risk) throw new AppError("NOT_FOUND", "Risk not found in this release");
  return risk;
}

function auditView(risk: RiskDto): Record<string, unknown> {
  return {
    key: risk.key,
    title: risk.title,
    impact: risk.impact,
    mitigation: risk.mitigation,
    severity: risk.severity,
    likelihood: risk.likelihood,
    status: risk.status,
    owner: risk.owner?.name ?? null,
    linkedItemKeys: risk.linkedItems.map((item) => item.key),
    version: risk.version,
  };
}

function conflict(current: RiskDto): AppError {
  return new AppError("VERSION_CONFLICT", "Someone else changed this risk; review it and try again", { current });
}
