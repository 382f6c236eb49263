import { describe, expect, it } from "vitest";
import { maskDatabaseUrl, migrationConfigSchema, ownDatabaseRefusal } from "./config";

const own = "postgresql://lc:pw@127.0.0.1:5432/launch_control";

describe("migration settings", () => {
  it("fill the defaults: 10 min timeout, 30 s read-only wait, .data/backups", () => {
    expect(migrationConfigSchema.parse({ mode: "sql", sqlDir: "db/migrations" })).toEqual({
      mode: "sql",
      sqlDir: "db/migrations",
      timeoutMs: 600_000,
      readOnly: false,
      readOnlyWaitMs: 30_000,
      backupDir: ".data/backups",
      integrityChecks: [],
    });
  });

  it("need what the mode uses, one rollback kind, distinct check names and one expectation per check", () => {
    const result = migrationConfigSchema.safeParse({
      mode: "command",
      rollbackSqlFile: "down.sql",
      rollbackCommand: ["./down.sh"],
      integrityChecks: [
        { name: "rows", sql: "SELECT 1", expect: { equals: 1 } },
        { name: "rows", sql: "SELECT 1", expect: { sameAsBefore: true } },
      ],
    });
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["command", "rollbackCommand", "integrityChecks.1.name"]);
    expect(migrationConfigSchema.safeParse({ mode: "sql", sqlDir: "x", integrityChecks: [{ name: "a", sql: "SELECT 1", expect: {} }] }).success).toBe(false);
  });
});

describe("target database URL", () => {
  it("is refused when it names Launch Control's own database, however the local host is spelled", () => {
    for (const target of [own, "postgresql://other:pw@localhost/launch_control", "postgres://x@[::1]:5432/launch_control", "postgresql:///launch_control?host=/var/run/postgresql"]) {
      expect(ownDatabaseRefusal(target, own), target).toMatch(/is Launch Control's own database/);
    }
  });

  it("is accepted for another database, port or host", () => {
    for (const target of ["postgresql://lc@127.0.0.1:5432/shop", "postgresql://lc@127.0.0.1:5433/launch_control", "postgresql://lc@db.internal/launch_control"]) {
      expect(ownDatabaseRefusal(target, own), target).toBeNull();
    }
  });

  it("is shown with its password masked", () => {
    expect(maskDatabaseUrl("postgresql://app:hunter2@db:5432/shop?sslmode=require")).toBe("postgresql://app:***@db:5432/shop?sslmode=require");
    expect(maskDatabaseUrl("postgresql://app@db/shop?password=hunter2")).not.toContain("hunter2");
  });
});
