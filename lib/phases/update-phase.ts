import { mutate, type Actor } from "@/lib/audit/mutate";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { operationFactSelect, phaseSelect, toPhaseDto, type PhaseRow } from "./phase-dto";
import type { PhaseDto, UpdatePhaseInput } from "./phases.validation";
import { dependentsOf, scheduleProblems, shiftDelta, shiftTimes, type ReleaseWindow } from "./schedule";

export interface UpdatePhaseResult {
  phase: PhaseDto;
  shifted: PhaseDto[];
}

// One transaction for the phase and every dependent it carries along, so a
// stale version or an implausible time anywhere leaves all of them as they were.
export async function updatePhase(actor: Actor, releaseId: string, phaseId: string, input: UpdatePhaseInput): Promise<UpdatePhaseResult> {
  return mutate(actor, async ({ tx, audit }) => {
    const release = await tx.release.findUnique({ where: { id: releaseId }, select: { windowStart: true, windowEnd: true } });
    if (!release) throw new AppError("NOT_FOUND", "Release not found");
    const phases = await tx.phase.findMany({ where: { releaseId }, orderBy: { position: "asc" }, select: phaseSelect });
    const current = phases.find((phase) => phase.id === phaseId);
    if (!current) throw new AppError("NOT_FOUND", "Phase not found in this release");
    const operations = await tx.operation.findMany({ where: { releaseId, kind: { in: ["cutover", "migration"] } }, select: operationFactSelect });
    const dto = (row: PhaseRow) => toPhaseDto(row, operations);
    if (current.version !== input.version) throw conflict(dto(current));
    if (input.ownerTeams) await assertTeamsExist(tx, releaseId, input.ownerTeams);

    const times = {
      startsAt: input.startsAt ? new Date(input.startsAt) : current.startsAt,
      endsAt: input.endsAt === undefined ? current.endsAt : input.endsAt === null ? null : new Date(input.endsAt),
    };
    assertPlausible(times, release, []);

    const { count } = await tx.phase.updateMany({
      where: { id: phaseId, releaseId, version: input.version },
      data: {
        startsAt: times.startsAt,
        endsAt: times.endsAt,
        titleKo: input.title?.ko,
        titleEn: input.title?.en,
        ownerTeams: input.ownerTeams,
        status: input.status,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw conflict(dto(await readPhase(tx, releaseId, phaseId)));
    const updated = await readPhase(tx, releaseId, phaseId);
    const { before, after } = changes(current, updated);
    await audit({ releaseId, action: "phase.updated", subjectType: "Phase", subjectId: phaseId, before, after, live: { phase: dto(updated) } });

    const shifted: PhaseDto[] = [];
    const delta = shiftDelta(current, times);
    if (input.shiftDependents && delta !== 0) {
      const byKey = new Map(phases.map((phase) => [phase.key, phase]));
      for (const key of dependentsOf(current.key, phases)) {
        const dependent = byKey.get(key) as PhaseRow;
        const moved = shiftTimes(dependent, delta);
        assertPlausible(moved, release, ["dependents", key]);
        const result = await tx.phase.updateMany({
          where: { id: dependent.id, version: dependent.version },
          data: { ...moved, version: { increment: 1 } },
        });
        if (result.count === 0) throw conflict(dto(await readPhase(tx, releaseId, dependent.id)));
        const row = await readPhase(tx, releaseId, dependent.id);
        const diff = changes(dependent, row);
        await audit({
          releaseId,
          action: "phase.updated",
          subjectType: "Phase",
          subjectId: dependent.id,
          before: diff.before,
          after: { ...diff.after, shiftedWith: current.key },
          live: { phase: dto(row) },
        });
        shifted.push(dto(row));
      }
    }
    return { phase: dto(updated), shifted };
  });
}

async function readPhase(tx: Tx, releaseId: string, phaseId: string): Promise<PhaseRow> {
  const phase = await tx.phase.findFirst({ where: { id: phaseId, releaseId }, select: phaseSelect });
  if (!phase) throw new AppError("NOT_FOUND", "Phase not found in this release");
  return phase;
}

function assertPlausible(times: { startsAt: Date; endsAt: Date | null }, window: ReleaseWindow, pathPrefix: string[]): void {
  const problems = scheduleProblems(times, window);
  if (problems.length === 0) return;
  const subject = pathPrefix.length > 0 ? `Dependent phase "${pathPrefix[1]}"` : "The phase";
  throw new AppError(
    "VALIDATION_FAILED",
    `${subject} would get times it cannot have: ${problems.map((problem) => problem.message.toLowerCase()).join("; ")}`,
    problems.map((problem) => ({ path: [...pathPrefix, problem.field], message: problem.message, code: "invalid_value" })),
  );
}

async function assertTeamsExist(tx: Tx, releaseId: string, keys: string[]): Promise<void> {
  const teams = await tx.team.findMany({ where: { releaseId, key: { in: keys } }, select: { key: true } });
  const known = new Set(teams.map((team) => team.key));
  const unknown = keys.filter((key) => !known.has(key));
  if (unknown.length > 0) {
    throw new AppError(
      "VALIDATION_FAILED",
      `Unknown team ${unknown.map((key) => `"${key}"`).join(", ")} in this release`,
      unknown.map((key) => ({ path: ["ownerTeams", keys.indexOf(key)], message: `Unknown team "${key}"`, code: "invalid_value" })),
    );
  }
}

// Only what changed, as plain JSON, plus the versions on both sides.
function changes(before: PhaseRow, after: PhaseRow): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const plain = (row: PhaseRow) => ({
    title: { ko: row.titleKo, en: row.titleEn },
    ownerTeams: row.ownerTeams,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt?.toISOString() ?? null,
    status: row.status,
  });
  const from: Record<string, unknown> = plain(before);
  const to: Record<string, unknown> = plain(after);
  const diffBefore: Record<string, unknown> = { key: before.key, version: before.version };
  const diffAfter: Record<string, unknown> = { key: after.key, title: to.title, version: after.version };
  for (const field of Object.keys(to)) {
    if (JSON.stringify(from[field]) === JSON.stringify(to[field])) continue;
    diffBefore[field] = from[field];
    diffAfter[field] = to[field];
  }
  return { before: diffBefore, after: diffAfter };
}

function conflict(current: PhaseDto): AppError {
  return new AppError("VERSION_CONFLICT", "Someone else changed this phase; review the current plan and try again", { current });
}
