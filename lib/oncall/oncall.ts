import { mutate, type Actor } from "@/lib/audit/mutate";
import { prisma, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { scheduleProblems } from "@/lib/phases/schedule";
import { assertActiveUsers } from "@/lib/users/assert-active-user";
import { coverageGaps } from "./coverage";
import type { CreateShiftInput, OnCallDto, ShiftDto, UpdateShiftInput } from "./oncall.validation";

// The rota covers the stabilisation phase (48 hours from the cutover in the
// template); a release without one gets the 48 hours from its window's start.
export const stabilisationPhaseKey = "stabilisation";
const fallbackWindowMs = 48 * 3_600_000;

const shiftSelect = {
  id: true,
  teamId: true,
  startsAt: true,
  endsAt: true,
  version: true,
  team: { select: { key: true } },
  user: { select: { id: true, name: true } },
} as const satisfies Prisma.OnCallShiftSelect;
type ShiftRow = Prisma.OnCallShiftGetPayload<{ select: typeof shiftSelect }>;

function toShiftDto(shift: ShiftRow): ShiftDto {
  return {
    id: shift.id,
    teamId: shift.teamId,
    teamKey: shift.team.key,
    user: shift.user,
    startsAt: shift.startsAt.toISOString(),
    endsAt: shift.endsAt.toISOString(),
    version: shift.version,
  };
}

export async function getOnCall(releaseId: string, db: Tx = prisma): Promise<OnCallDto> {
  const release = await db.release.findUnique({ where: { id: releaseId }, select: { windowStart: true } });
  if (!release) throw new AppError("NOT_FOUND", "Release not found");
  const [phases, shifts] = await Promise.all([
    db.phase.findMany({ where: { releaseId }, orderBy: { position: "asc" }, select: { key: true, ownerTeams: true, startsAt: true, endsAt: true } }),
    db.onCallShift.findMany({ where: { releaseId }, orderBy: [{ startsAt: "asc" }, { id: "asc" }], select: shiftSelect }),
  ]);
  const stabilisation = phases.find((phase) => phase.key === stabilisationPhaseKey);
  const window = {
    startsAt: stabilisation?.startsAt ?? release.windowStart,
    endsAt: stabilisation?.endsAt ?? new Date((stabilisation?.startsAt ?? release.windowStart).getTime() + fallbackWindowMs),
  };
  const gaps = coverageGaps(
    phases,
    shifts.map((shift) => ({ teamKey: shift.team.key, startsAt: shift.startsAt, endsAt: shift.endsAt })),
    window,
  );
  return {
    window: { startsAt: window.startsAt.toISOString(), endsAt: window.endsAt.toISOString() },
    shifts: shifts.map(toShiftDto),
    coverage: gaps.map((gap) => ({ ...gap, gaps: gap.gaps.map((piece) => ({ from: piece.from.toISOString(), to: piece.to.toISOString() })) })),
  };
}

export async function createShift(actor: Actor, releaseId: string, input: CreateShiftInput): Promise<ShiftDto> {
  return mutate(actor, async ({ tx, audit }) => {
    await assertShiftFits(tx, releaseId, input);
    const shift = await tx.onCallShift.create({
      data: { releaseId, teamId: input.teamId, userId: input.userId, startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt) },
      select: shiftSelect,
    });
    const dto = toShiftDto(shift);
    await audit({ releaseId, action: "oncall.created", subjectType: "OnCallShift", subjectId: shift.id, after: auditView(dto) });
    return dto;
  });
}

export async function updateShift(actor: Actor, releaseId: string, shiftId: string, input: UpdateShiftInput): Promise<ShiftDto> {
  return mutate(actor, async ({ tx, audit }) => {
    const current = await readShift(tx, releaseId, shiftId);
    if (current.version !== input.version) throw conflict(current);
    const next = {
      teamId: input.teamId ?? current.teamId,
      userId: input.userId ?? current.user.id,
      startsAt: input.startsAt ?? current.startsAt.toISOString(),
      endsAt: input.endsAt ?? current.endsAt.toISOString(),
    };
    await assertShiftFits(tx, releaseId, next);
    const { count } = await tx.onCallShift.updateMany({
      where: { id: shiftId, releaseId, version: input.version },
      data: { teamId: next.teamId, userId: next.userId, startsAt: new Date(next.startsAt), endsAt: new Date(next.endsAt), version: { increment: 1 } },
    });
    if (count === 0) throw conflict(await readShift(tx, releaseId, shiftId));
    const dto = toShiftDto(await readShift(tx, releaseId, shiftId));
    await audit({ releaseId, action: "oncall.updated", subjectType: "OnCallShift", subjectId: shiftId, before: auditView(toShiftDto(current)), after: auditView(dto) });
    return dto;
  });
}

export async function deleteShift(actor: Actor, releaseId: string, shiftId: string, version: number): Promise<ShiftDto> {
  return mutate(actor, async ({ tx, audit }) => {
    const current = await readShift(tx, releaseId, shiftId);
    const { count } = await tx.onCallShift.deleteMany({ where: { id: shiftId, releaseId, version } });
    if (count === 0) throw conflict(current);
    const dto = toShiftDto(current);
    await audit({ releaseId, action: "oncall.deleted", subjectType: "OnCallShift", subjectId: shiftId, before: auditView(dto) });
    return dto;
  });
}

async function assertShiftFits(tx: Tx, releaseId: string, shift: { teamId: string; userId: string; startsAt: string; endsAt: string }): Promise<void> {
  const [release, team] = await Promise.all([
    tx.release.findUnique({ where: { id: releaseId }, select: { windowStart: true, windowEnd: true } }),
    tx.team.findFirst({ where: { id: shift.teamId, releaseId }, select: { id: true } }),
  ]);
  if (!release) throw new AppError("NOT_FOUND", "Release not found");
  const problems: { path: string[]; message: string; code: string }[] = scheduleProblems({ startsAt: new Date(shift.startsAt), endsAt: new Date(shift.endsAt) }, release).map((problem) => ({
    path: [problem.field],
    message: problem.field === "endsAt" && problem.message.startsWith("The end") ? "The end must be after the start" : problem.message,
    code: "invalid_value",
  }));
  if (new Date(shift.endsAt).getTime() === new Date(shift.startsAt).getTime()) {
    problems.push({ path: ["endsAt"], message: "The end must be after the start", code: "invalid_value" });
  }
  if (!team) problems.push({ path: ["teamId"], message: "Unknown team in this release", code: "invalid_value" });
  if (problems.length > 0) throw new AppError("VALIDATION_FAILED", "This shift cannot be planned as given", problems);
  await assertActiveUsers(tx, [shift.userId], () => ["userId"]);
}

async function readShift(tx: Tx, releaseId: string, shiftId: string): Promise<ShiftRow> {
  const shift = await tx.onCallShift.findFirst({ where: { id: shiftId, releaseId }, select: shiftSelect });
  if (!shift) throw new AppError("NOT_FOUND", "On-call shift not found in this release");
  return shift;
}

function auditView(shift: ShiftDto): Record<string, unknown> {
  return { team: shift.teamKey, name: shift.user.name, userId: shift.user.id, startsAt: shift.startsAt, endsAt: shift.endsAt, version: shift.version };
}

function conflict(current: ShiftRow): AppError {
  return new AppError("VERSION_CONFLICT", "Someone else changed this shift; review the rota and try again", { current: toShiftDto(current) });
}
