import { beforeAll, describe, expect, it } from "vitest";
import { PATCH } from "@/app/api/v1/releases/[releaseId]/checklist/items/[itemId]/route";
import { mutate } from "@/lib/audit/mutate";
import { prisma } from "@/lib/db/client";
import { onReleaseEvent, type ReleaseEvent } from "@/lib/events/bus";
import { call, createTestRelease, createTestUser, flushLiveEvents, itemVersion, type TestUser } from "@/test/api-fixtures";
import type { ChecklistItemDto } from "./checklist.validation";
import { getChecklist } from "./get-checklist";

type ItemBody = { item: ChecklistItemDto };
type ConflictBody = { error: { code: string; details: { current: ChecklistItemDto } } };

let engineer: TestUser;
let manager: TestUser;
let releaseId: string;
let itemIds: string[];

beforeAll(async () => {
  engineer = await createTestUser("ENGINEER");
  manager = await createTestUser("RELEASE_MANAGER");
  ({ releaseId, itemIds } = await createTestRelease());
});

function patch(itemId: string, body: unknown, as: TestUser = engineer) {
  return call<ItemBody>(PATCH, { method: "PATCH", params: { releaseId, itemId }, body, as });
}

describe("PATCH a checklist item", () => {
  it("writes the change and its audit event together and publishes the event", async () => {
    const itemId = itemIds[0]!;
    const seqBefore = (await prisma.release.findUniqueOrThrow({ where: { id: releaseId } })).eventSeq;
    const published: ReleaseEvent[] = [];
    await flushLiveEvents();
    const stop = onReleaseEvent((event) => published.push(event));
    const response = await patch(itemId, { version: 1, status: "done", note: "green on CI" });
    await flushLiveEvents();
    stop();

    expect(response.status).toBe(200);
    expect(response.body.item).toMatchObject({ status: "done", note: "green on CI", version: 2, updatedBy: { id: engineer.id } });
    expect(response.body.item.completedAt).not.toBeNull();

    const events = await prisma.auditEvent.findMany({ where: { subjectId: itemId } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      releaseId,
      seq: seqBefore + 1,
      actorId: engineer.id,
      via: "api",
      action: "checklist.item.updated",
      before: { status: "todo", note: null, version: 1, completedAt: null },
      after: { status: "done", note: "green on CI", version: 2 },
    });
    expect(published).toEqual([expect.objectContaining({ releaseId, seq: seqBefore + 1, type: "checklist.item.updated" })]);
  });

  it("clears completedAt when a done item is reopened and records only changed fields", async () => {
    const itemId = itemIds[0]!;
    const response = await patch(itemId, { version: await itemVersion(itemId), status: "in_progress", note: "green on CI" });
    expect(response.body.item).toMatchObject({ status: "in_progress", completedAt: null });
    const latest = await prisma.auditEvent.findFirstOrThrow({ where: { subjectId: itemId }, orderBy: { id: "desc" } });
    expect(Object.keys(latest.after as object).sort()).toEqual(["completedAt", "status", "version"]);
  });

  it("rolls back the change when anything in its transaction fails", async () => {
    const itemId = itemIds[1]!;
    const eventsBefore = await prisma.auditEvent.count();
    const failing = mutate({ userId: engineer.id, label: engineer.email, via: "api" }, async ({ tx, audit }) => {
      await tx.checklistItem.update({ where: { id: itemId }, data: { status: "done", version: { increment: 1 } } });
      await audit({ releaseId, action: "checklist.item.updated", subjectType: "ChecklistItem", subjectId: itemId, after: { status: "done" } });
      throw new Error("failure after the update");
    });
    await expect(failing).rejects.toThrow("failure after the update");
    expect(await prisma.checklistItem.findUniqueOrThrow({ where: { id: itemId } })).toMatchObject({ status: "todo", version: 1 });
    expect(await prisma.auditEvent.count()).toBe(eventsBefore);
  });

  it("answers 409 with the current item when the version is stale", async () => {
    const itemId = itemIds[2]!;
    await patch(itemId, { version: 1, status: "blocked" });
    const stale = await call<ConflictBody>(PATCH, { method: "PATCH", params: { releaseId, itemId }, body: { version: 1, status: "done" }, as: engineer });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("VERSION_CONFLICT");
    expect(stale.body.error.details.current).toMatchObject({ id: itemId, status: "blocked", version: 2 });
  });

  it("writes nothing for a change to the current values, and still answers 409 to a stale one", async () => {
    const itemId = itemIds[7]!;
    const first = await patch(itemId, { version: 1, status: "blocked", note: "waiting on DBA" });
    expect(first.status).toBe(200);
    const events = await prisma.auditEvent.count({ where: { subjectId: itemId } });

    const same = await patch(itemId, { version: 2, status: "blocked", note: "waiting on DBA" });
    expect(same.status).toBe(200);
    expect(same.body.item).toMatchObject({ status: "blocked", note: "waiting on DBA", version: 2 });
    expect(await itemVersion(itemId)).toBe(2);
    expect(await prisma.auditEvent.count({ where: { subjectId: itemId } })).toBe(events);

    const staleSame = await call<ConflictBody>(PATCH, { method: "PATCH", params: { releaseId, itemId }, body: { version: 1, status: "blocked" }, as: engineer });
    expect(staleSame.status).toBe(409);
    expect(staleSame.body.error.details.current).toMatchObject({ status: "blocked", version: 2 });
  });

  it("lets exactly one of 100 concurrent updates with the same version win", async () => {
    const itemId = itemIds[3]!;
    const version = await itemVersion(itemId);
    const statuses = ["done", "blocked", "in_progress", "n_a"] as const;
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, index) => patch(itemId, { version, status: statuses[index % 4], note: `writer ${index}` })),
    );
    const codes = responses.map((response) => response.status);
    expect(codes.filter((code) => code === 200)).toHaveLength(1);
    expect(codes.filter((code) => code === 409)).toHaveLength(99);
    expect(await itemVersion(itemId)).toBe(version + 1);
    expect(await prisma.auditEvent.count({ where: { subjectId: itemId } })).toBe(1);
  });

  it("answers 404 for an item of another release and for unknown ids", async () => {
    const other = await createTestRelease();
    const foreign = await call(PATCH, { method: "PATCH", params: { releaseId, itemId: other.itemIds[0]! }, body: { version: 1, status: "done" }, as: engineer });
    expect(foreign.status).toBe(404);
    const unknown = await call(PATCH, { method: "PATCH", params: { releaseId, itemId: "00000000-0000-4000-8000-000000000000" }, body: { version: 1, status: "done" }, as: engineer });
    expect(unknown.status).toBe(404);
    const malformed = await call(PATCH, { method: "PATCH", params: { releaseId: "nope", itemId: itemIds[0]! }, body: { version: 1, status: "done" }, as: engineer });
    expect(malformed.status).toBe(404);
  });

  it("accepts an active assignee and refuses an inactive or unknown one with 400", async () => {
    const itemId = itemIds[4]!;
    const assigned = await patch(itemId, { version: 1, assigneeId: manager.id, dueAt: "2026-07-01T12:00:00+09:00" });
    expect(assigned.body.item).toMatchObject({ assignee: { id: manager.id, email: manager.email }, dueAt: "2026-07-01T03:00:00.000Z" });
    const inactive = await createTestUser("ENGINEER", { active: false });
    for (const assigneeId of [inactive.id, "00000000-0000-4000-8000-000000000000"]) {
      const refused = await call(PATCH, { method: "PATCH", params: { releaseId, itemId }, body: { version: 2, assigneeId }, as: engineer });
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe("VALIDATION_FAILED");
    }
  });

  it("answers and publishes exactly the item a fresh read returns", async () => {
    // The handler builds its answer from the locked row and the columns it
    // wrote instead of reading the item back; this pins the two together.
    const itemId = itemIds[6]!;
    const steps: Record<string, unknown>[] = [
      { status: "done", note: "shipped", evidenceUrl: "https://ci.example.com/run/7", assigneeId: manager.id, dueAt: "2026-07-02T09:30:00+09:00" },
      { status: "blocked", assigneeId: null, dueAt: null, evidenceUrl: null },
      { note: null, assigneeId: engineer.id },
    ];
    for (const step of steps) {
      const published: ReleaseEvent[] = [];
      await flushLiveEvents();
      const stop = onReleaseEvent((event) => published.push(event));
      const response = await patch(itemId, { version: await itemVersion(itemId), ...step }, manager);
      await flushLiveEvents();
      stop();
      expect(response.status).toBe(200);
      const fresh = (await getChecklist(releaseId, "all", manager.id)).sections.flatMap((section) => section.items).find((item) => item.id === itemId);
      expect(response.body.item).toEqual(fresh);
      expect(published).toHaveLength(1);
      expect((published[0]!.data as { item: unknown }).item).toEqual(fresh);
    }
  });

  it("lets only release managers and admins change requiredForGoLive", async () => {
    const itemId = itemIds[5]!;
    const refused = await call(PATCH, { method: "PATCH", params: { releaseId, itemId }, body: { version: 1, requiredForGoLive: true }, as: engineer });
    expect(refused.status).toBe(403);
    const allowed = await patch(itemId, { version: 1, requiredForGoLive: true }, manager);
    expect(allowed.body.item.requiredForGoLive).toBe(true);
  });
});
