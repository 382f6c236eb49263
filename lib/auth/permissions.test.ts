import { describe, expect, it } from "vitest";
import { can, isRole, permissions, roles, type Permission, type Role } from "./permissions";

// The table as the product describes it; a change to permissions.ts must be
// a deliberate change here too.
const expected: Record<Permission, readonly Role[]> = {
  "release.read": roles,
  "release.create": ["ADMIN", "RELEASE_MANAGER"],
  "release.update": ["ADMIN", "RELEASE_MANAGER"],
  "checklist.update": ["ADMIN", "RELEASE_MANAGER", "APPROVER", "ENGINEER"],
  "checklist.configure": ["ADMIN", "RELEASE_MANAGER"],
  "audit.read": roles,
  "token.manage": roles,
  "gate.decide": ["ADMIN", "RELEASE_MANAGER", "APPROVER", "ENGINEER"],
  "gate.override": ["ADMIN", "RELEASE_MANAGER"],
  "gate.configure": ["ADMIN", "RELEASE_MANAGER"],
  "operation.start": ["ADMIN", "RELEASE_MANAGER", "ENGINEER"],
  "operation.control": ["ADMIN", "RELEASE_MANAGER", "ENGINEER"],
  "settings.read": ["ADMIN", "RELEASE_MANAGER", "APPROVER", "ENGINEER"],
  "settings.update": ["ADMIN", "RELEASE_MANAGER"],
  "simulation.fault": ["ADMIN", "RELEASE_MANAGER", "ENGINEER"],
  "metrics.push": ["ADMIN", "RELEASE_MANAGER", "ENGINEER"],
  "criteria.update": ["ADMIN", "RELEASE_MANAGER"],
  "criteria.flag": ["ADMIN", "RELEASE_MANAGER", "APPROVER", "ENGINEER"],
  "announcement.edit": ["ADMIN", "RELEASE_MANAGER", "MARKETING"],
  "announcement.edit_internal": ["ADMIN", "RELEASE_MANAGER", "ENGINEER", "MARKETING"],
  "announcement.send_external": ["ADMIN", "RELEASE_MANAGER", "MARKETING"],
  "phase.update": ["ADMIN", "RELEASE_MANAGER", "ENGINEER"],
  "team.update": ["ADMIN", "RELEASE_MANAGER"],
  "oncall.update": ["ADMIN", "RELEASE_MANAGER", "ENGINEER"],
  "risk.update": ["ADMIN", "RELEASE_MANAGER", "ENGINEER"],
  "feedback.create": ["ADMIN", "RELEASE_MANAGER", "APPROVER", "ENGINEER", "MARKETING"],
  "feedback.triage": ["ADMIN", "RELEASE_MANAGER", "ENGINEER"],
  "user.list": ["ADMIN"],
  "user.manage": ["ADMIN"],
};

describe("permissions table", () => {
  it("lists exactly the expected permissions", () => {
    expect(Object.keys(permissions).sort()).toEqual(Object.keys(expected).sort());
  });

  for (const permission of Object.keys(expected) as Permission[]) {
    for (const role of roles) {
      const allowed = expected[permission].includes(role);
      it(`${allowed ? "lets" : "does not let"} ${role} ${permission}`, () => {
        expect(can(role, permission)).toBe(allowed);
      });
    }
  }

  it("denies everything without a role", () => {
    expect(can(null, "release.read")).toBe(false);
    expect(can(undefined, "release.read")).toBe(false);
  });

  it("recognises only the six roles", () => {
    expect(roles.every(isRole)).toBe(true);
    expect(isRole("admin")).toBe(false);
    expect(isRole("ROOT")).toBe(false);
    expect(isRole(3)).toBe(false);
  });
});
