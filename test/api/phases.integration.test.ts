import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { PATCH as patchPhase } from "@/app/api/v1/releases/[releaseId]/phases/[phaseId]/route";
import { GET as getPhases } from "@/app/api/v1/releases/[releaseId]/phases/route";
import { prisma } from "@/lib/db/client";
import type { PhaseDto } from "@/lib/phases/phases.validation";
import { call, createTestRelease, createTestUser, type TestUser } from "@/test/api-fixtures";

let engineer: TestUser;
let viewer: TestUser;
let releaseId: string;
const hour = 3_600_000;

interface PatchAnswer {
  phase: PhaseDto;
  shifted: PhaseDto[];
}

async function phases(): Promise<Map<string, PhaseDto>> {
  const response = await call<{ phases: PhaseDto[] }>(getPhases, { params: { releaseId }, as: viewer });
  expect(response.status).toBe(200);
  return new Map(response.body.phases.map((phase) => [phase.key, phase]));
}

function patch<T = PatchAnswer>(phase: PhaseDto, body: Record<string, unknown>, as: TestUser = engineer) {
  return call<T>(patchPhase, { method: "PATCH", params: { releaseId, phaseId: phase.id }, body: { version: phase.version, ...body }, as });
}

const plus = (iso: string, ms: number) => new Date(new Date(iso).getTime() + ms).toISOString();

beforeAll(async () => {
  engineer = await createTestUser("ENGINEER");
  viewer = await createTestUser("VIEWER");
  ({ releaseId } = await createTestRelease());
});

describe("GET /phases", () => {
  it("lists the template's nine phases in order with their dependencies and tasks", async () => {
    const list = await phases();
    expect([...list.keys()]).toHaveLength(9);
    expect(list.get("db-migration")).toMatchObject({ dependsOn: ["blue-green"], status: "pending", version: 1 });
    expect(list.get("blue-green")?.tasks.length).toBeGreaterThan(0);
  });

  it("shows the cutover phase running while a cutover runs and done once it succeeded", async () => {
    const op = await prisma.operation.create({ data: { releaseId, kind: "cutover", status: "running", idempotencyKey: randomUUID(), params: {} } });
    expect((await phases()).get("blue-green")?.status).toBe("running");
    await prisma.operation.update({ where: { id: op.id }, data: { status: "succeeded" } });
    const after = await phases();
    expect(after.get("blue-green")).toMatchObject({ status: "done", plannedStatus: "pending" });
    expect(after.get("db-migration")?.status).toBe("pending");
    await prisma.operation.delete({ where: { id: op.id } });
  });
});

describe("PATCH /phases/{phaseId}", () => {
  it("moves one phase, audits phase.updated and leaves its dependents alone without shiftDependents", async () => {
    const list = await phases();
    const verification = list.get("verification")!;
    const response = await patch(verification, { startsAt: plus(verification.startsAt, hour), endsAt: plus(verification.endsAt!, hour) });
    expect(response.status).toBe(200);
    expect(response.body.phase).toMatchObject({ startsAt: plus(verification.startsAt, hour), version: verification.version + 1 });
    expect(response.body.shifted).toEqual([]);
    expect((await phases()).get("launch-announcement")?.startsAt).toBe(list.get("launch-announcement")?.startsAt);
    const event = await prisma.auditEvent.findFirst({ where: { releaseId, action: "phase.updated", subjectId: verification.id }, orderBy: { id: "desc" } });
    expect(event?.before).toMatchObject({ startsAt: verification.startsAt });
    expect(event?.after).toMatchObject({ startsAt: plus(verification.startsAt, hour) });
  });

  it("shifts dependents transitively by the same amount in one go", async () => {
    const list = await phases();
    const cutover = list.get("blue-green")!;
    const response = await patch(cutover, { startsAt: plus(cutover.startsAt, 2 * hour), endsAt: plus(cutover.endsAt!, 2 * hour), shiftDependents: true });
    expect(response.status).toBe(200);
    expect(response.body.shifted.map((phase) => phase.key).sort()).toEqual(
      ["db-migration", "launch-announcement", "stabilisation", "stabilisation-patch", "support-feedback", "verification"].sort(),
    );
    const after = await phases();
    for (const key of ["db-migration", "verification", "launch-announcement", "stabilisation-patch"]) {
      expect(after.get(key)?.startsAt).toBe(plus(list.get(key)!.startsAt, 2 * hour));
      expect(after.get(key)?.version).toBe(list.get(key)!.version + 1);
    }
    expect(after.get("preparation")?.startsAt).toBe(list.get("preparation")?.startsAt);
    const shiftedEvents = await prisma.auditEvent.count({ where: { releaseId, action: "phase.updated", after: { path: ["shiftedWith"], equals: "blue-green" } } });
    expect(shiftedEvents).toBe(6);
  });

  it("answers 409 with the current phase for a stale version, changing nothing", async () => {
    const list = await phases();
    const prep = list.get("preparation")!;
    const stale = await patch<{ error: { code: string; details: { current: PhaseDto } } }>({ ...prep, version: prep.version - 1 || 99 }, { title: { ko: "준비", en: "Prep" } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("VERSION_CONFLICT");
    expect(stale.body.error.details.current.version).toBe(prep.version);
    expect((await phases()).get("preparation")?.title.en).toBe(prep.title.en);
  });

  it("refuses an end before the start, implausible times and unknown teams with 400", async () => {
    const list = await phases();
    const prep = list.get("preparation")!;
    const cases: Record<string, unknown>[] = [
      { endsAt: plus(prep.startsAt, -hour) },
      { startsAt: plus(prep.startsAt, 400 * 24 * hour), endsAt: plus(prep.startsAt, 401 * 24 * hour) },
      { ownerTeams: ["nobody"] },
      {},
      { startsAt: "tomorrow" },
    ];
    for (const body of cases) {
      const response = await patch<{ error: { code: string } }>(prep, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.code).toBe("VALIDATION_FAILED");
    }
    expect((await phases()).get("preparation")?.version).toBe(prep.version);
  });

  it("refuses a shift that would carry a dependent more than a year away, leaving every phase as it was", async () => {
    const list = await phases();
    const stabilisation = list.get("stabilisation")!;
    // Stabilisation itself stays within a year of the window; the patch a week later does not.
    const response = await patch<{ error: { code: string; details: { path: string[] }[] } }>(stabilisation, {
      endsAt: plus(stabilisation.endsAt!, 360 * 24 * hour),
      shiftDependents: true,
    });
    expect(response.status).toBe(400);
    expect(response.body.error.details[0]?.path).toEqual(["dependents", "stabilisation-patch", "startsAt"]);
    const after = await phases();
    expect(after.get("stabilisation")?.version).toBe(stabilisation.version);
  });

  it("lets a viewer read but not reschedule", async () => {
    const prep = (await phases()).get("preparation")!;
    expect((await patch(prep, { status: "done" }, viewer)).status).toBe(403);
  });
});
