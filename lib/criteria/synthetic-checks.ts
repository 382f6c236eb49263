import { mutate, type Actor } from "@/lib/audit/mutate";
import { prisma, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import type { CreateSyntheticCheckInput, SyntheticCheckDto, UpdateSyntheticCheckInput } from "./synthetic-checks.validation";

// The release's synthetic checks: URLs fetched on an interval whose results
// make up the "all key features work" success criterion.

const checkSelect = {
  id: true,
  key: true,
  name: true,
  url: true,
  expectStatus: true,
  expectBody: true,
  intervalSec: true,
  lastRunAt: true,
  lastOk: true,
  lastDetail: true,
  version: true,
} as const satisfies Prisma.SyntheticCheckSelect;

type CheckRow = Prisma.SyntheticCheckGetPayload<{ select: typeof checkSelect }>;

export function toSyntheticCheckDto(row: CheckRow): SyntheticCheckDto {
  return { ...row, lastRunAt: row.lastRunAt?.toISOString() ?? null };
}

export async function listSyntheticChecks(releaseId: string): Promise<SyntheticCheckDto[]> {
  const release = await prisma.release.findUnique({ where: { id: releaseId }, select: { id: true } });
  if (!release) throw new AppError("NOT_FOUND", "Release not found");
  const rows = await prisma.syntheticCheck.findMany({ where: { releaseId }, orderBy: { key: "asc" }, select: checkSelect });
  return rows.map(toSyntheticCheckDto);
}

export async function createSyntheticCheck(actor: Actor, releaseId: string, input: CreateSyntheticCheckInput): Promise<SyntheticCheckDto> {
  return mutate(actor, async ({ tx, audit }) => {
    const release = await tx.release.findUnique({ where: { id: releaseId }, select: { id: true } });
    if (!release) throw new AppError("NOT_FOUND", "Release not found");
    const taken = await tx.syntheticCheck.findUnique({ where: { releaseId_key: { releaseId, key: input.key } }, select: { id: true } });
    if (taken) throw new AppError("CONFLICT", `The release already has a synthetic check "${input.key}"`, { checkId: taken.id });
    const check = toSyntheticCheckDto(await tx.syntheticCheck.create({ data: { releaseId, ...input }, select: checkSelect }));
    await audit({ releaseId, action: "synthetic_check.created", subjectType: "SyntheticCheck", subjectId: check.id, after: check, live: { check } });
    return check;
  });
}

export async function updateSyntheticCheck(actor: Actor, releaseId: string, checkId: string, input: UpdateSyntheticCheckInput): Promise<SyntheticCheckDto> {
  return mutate(actor, async ({ tx, audit }) => {
    const current = await readCheck(tx, releaseId, checkId);
    const { version, ...changes } = input;
    if (current.version !== version) throw conflict(current);
    // A changed target starts over: the last result was about something else.
    const retarget = (changes.url !== undefined && changes.url !== current.url) || changes.expectStatus !== undefined || changes.expectBody !== undefined;
    const { count } = await tx.syntheticCheck.updateMany({
      where: { id: checkId, releaseId, version },
      data: { ...changes, ...(retarget ? { lastRunAt: null, lastOk: null, lastDetail: null } : {}), version: { increment: 1 } },
    });
    if (count === 0) throw conflict(await readCheck(tx, releaseId, checkId));
    const check = toSyntheticCheckDto(await readCheck(tx, releaseId, checkId));
    await audit({ releaseId, action: "synthetic_check.updated", subjectType: "SyntheticCheck", subjectId: checkId, before: { key: current.key, version }, after: { key: current.key, ...changes, version: check.version }, live: { check } });
    return check;
  });
}

export async function deleteSyntheticCheck(actor: Actor, releaseId: string, checkId: string, version: number): Promise<SyntheticCheckDto> {
  return mutate(actor, async ({ tx, audit }) => {
    const current = await readCheck(tx, releaseId, checkId);
    if (current.version !== version) throw conflict(current);
    const { count } = await tx.syntheticCheck.deleteMany({ where: { id: checkId, releaseId, version } });
    if (count === 0) throw conflict(await readCheck(tx, releaseId, checkId));
    const check = toSyntheticCheckDto(current);
    await audit({ releaseId, action: "synthetic_check.deleted", subjectType: "SyntheticCheck", subjectId: checkId, before: check, live: { checkId } });
    return check;
  });
}

async function readCheck(tx: Tx, releaseId: string, checkId: string): Promise<CheckRow> {
  const row = await tx.syntheticCheck.findFirst({ where: { id: checkId, releaseId }, select: checkSelect });
  if (!row) throw new AppError("NOT_FOUND", "Synthetic check not found in this release");
  return row;
}

function conflict(current: CheckRow): AppError {
  return new AppError("VERSION_CONFLICT", "Someone else changed this synthetic check; review it and try again", { current: toSyntheticCheckDto(current) });
}
