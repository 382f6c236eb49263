import { describe, expect, it } from "vitest";
import { auditQuery } from "@/lib/audit/audit.validation";
import { createTokenBody } from "./tokens.validation";

describe("createTokenBody", () => {
  it("accepts a name with an optional expiry in days", () => {
    expect(createTokenBody.parse({ name: " ci " })).toEqual({ name: "ci" });
    expect(createTokenBody.parse({ name: "ci", expiresInDays: 30 })).toEqual({ name: "ci", expiresInDays: 30 });
  });

  it.each([
    ["an empty name", { name: "" }],
    ["zero days", { name: "ci", expiresInDays: 0 }],
    ["fractional days", { name: "ci", expiresInDays: 1.5 }],
    ["more than ten years", { name: "ci", expiresInDays: 3651 }],
    ["an unknown field", { name: "ci", scope: "all" }],
  ])("rejects %s", (_, body) => {
    expect(createTokenBody.safeParse(body).success).toBe(false);
  });
});

describe("auditQuery", () => {
  it("reads the limit from the query string and defaults it", () => {
    expect(auditQuery.parse({ limit: "20" }).limit).toBe(20);
    expect(auditQuery.parse({}).limit).toBe(50);
  });

  it.each([
    ["a limit over 200", { limit: "201" }],
    ["a non-numeric limit", { limit: "all" }],
    ["a cursor that is not an id", { cursor: "abc" }],
    ["an actor that is not a uuid", { actorId: "me" }],
    ["an unknown parameter", { sort: "asc" }],
  ])("rejects %s", (_, query) => {
    expect(auditQuery.safeParse(query).success).toBe(false);
  });
});
