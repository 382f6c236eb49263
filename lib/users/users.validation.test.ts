import { describe, expect, it } from "vitest";
import { createUserBody, updateUserBody } from "./users.validation";

describe("createUserBody", () => {
  it("accepts a user and lower-cases the email", () => {
    const parsed = createUserBody.parse({ email: "Dana@Example.com", name: "Dana", role: "ENGINEER", password: "long enough password" });
    expect(parsed.email).toBe("dana@example.com");
  });

  it("allows a user without a password (OIDC only)", () => {
    expect(createUserBody.safeParse({ email: "a@b.io", name: "A", role: "VIEWER" }).success).toBe(true);
  });

  it.each([
    ["a short password", { email: "a@b.io", name: "A", role: "VIEWER", password: "short" }],
    ["an invalid email", { email: "not-an-email", name: "A", role: "VIEWER" }],
    ["an unknown role", { email: "a@b.io", name: "A", role: "ROOT" }],
    ["a blank name", { email: "a@b.io", name: "  ", role: "VIEWER" }],
    ["an unknown field", { email: "a@b.io", name: "A", role: "VIEWER", active: false }],
  ])("rejects %s", (_, body) => {
    expect(createUserBody.safeParse(body).success).toBe(false);
  });
});

describe("updateUserBody", () => {
  it("accepts a role or active change with a version", () => {
    expect(updateUserBody.safeParse({ version: 2, role: "ADMIN" }).success).toBe(true);
    expect(updateUserBody.safeParse({ version: 2, active: false }).success).toBe(true);
  });

  it("rejects a version alone, a missing version and unknown fields", () => {
    expect(updateUserBody.safeParse({ version: 2 }).success).toBe(false);
    expect(updateUserBody.safeParse({ role: "ADMIN" }).success).toBe(false);
    expect(updateUserBody.safeParse({ version: 2, email: "x@y.z" }).success).toBe(false);
  });
});
