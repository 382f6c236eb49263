import { describe, expect, it } from "vitest";
import { checklistQuery, itemParams, updateItemBody } from "./checklist.validation";

const uuid = "3f1c2a4e-8b7d-4c6e-9f0a-1b2c3d4e5f60";

describe("updateItemBody", () => {
  it("accepts a status change with a version", () => {
    expect(updateItemBody.parse({ version: 3, status: "done" })).toEqual({ version: 3, status: "done" });
  });

  it("accepts every field, and null to clear the clearable ones", () => {
    const body = {
      version: 1,
      status: "blocked",
      note: "waiting for DBA",
      evidenceUrl: "https://ci.example.com/runs/42",
      assigneeId: uuid,
      dueAt: "2026-05-01T09:00:00+09:00",
      requiredForGoLive: true,
    };
    expect(updateItemBody.safeParse(body).success).toBe(true);
    expect(updateItemBody.safeParse({ version: 1, note: null, evidenceUrl: null, assigneeId: null, dueAt: null }).success).toBe(true);
  });

  it.each([
    ["no field besides version", { version: 1 }],
    ["a missing version", { status: "done" }],
    ["version 0", { version: 0, status: "done" }],
    ["a fractional version", { version: 1.5, status: "done" }],
    ["a version as a string", { version: "1", status: "done" }],
    ["an unknown status", { version: 1, status: "finished" }],
    ["an unknown field", { version: 1, status: "done", title: "x" }],
    ["a note over 2000 characters", { version: 1, note: "x".repeat(2001) }],
    ["a non-http evidence link", { version: 1, evidenceUrl: "javascript:alert(1)" }],
    ["an evidence link that is not a URL", { version: 1, evidenceUrl: "not a url" }],
    ["an assignee that is not a uuid", { version: 1, assigneeId: "42" }],
    ["a due time that is not ISO-8601", { version: 1, dueAt: "tomorrow" }],
    ["requiredForGoLive as a string", { version: 1, requiredForGoLive: "yes" }],
  ])("rejects %s", (_, body) => {
    expect(updateItemBody.safeParse(body).success).toBe(false);
  });
});

describe("checklistQuery", () => {
  it("defaults the filter to all", () => {
    expect(checklistQuery.parse({})).toEqual({ filter: "all" });
  });

  it("accepts the four filters and nothing else", () => {
    for (const filter of ["all", "mine", "blocked", "overdue"]) expect(checklistQuery.safeParse({ filter }).success).toBe(true);
    expect(checklistQuery.safeParse({ filter: "late" }).success).toBe(false);
    expect(checklistQuery.safeParse({ filter: "all", page: "2" }).success).toBe(false);
  });
});

describe("itemParams", () => {
  it("needs two uuids", () => {
    expect(itemParams.safeParse({ releaseId: uuid, itemId: uuid }).success).toBe(true);
    expect(itemParams.safeParse({ releaseId: uuid, itemId: "1" }).success).toBe(false);
  });
});
