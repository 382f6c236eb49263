import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTempDatabase } from "@/test/temp-database";
import { checksumOf } from "./migration-plan";
import { applyMigrations, MigrationFailedError, MigrationRefusedError } from "./migrator";

const quiet = { log: () => undefined };

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("applyMigrations on the project's migrations", () => {
  let db: Awaited<ReturnType<typeof createTempDatabase>>;
  beforeEach(async () => {
    db = await createTempDatabase("lc_migrator");
  });
  afterEach(async () => {
    await db.drop();
  });

  it("applies every migration once and nothing the second time", async () => {
    const first = await applyMigrations(db.url, quiet);
    expect(first.applied).toContain("20261129000000_init");
    expect(await applyMigrations(db.url, quiet)).toEqual({ applied: [] });

    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      db.url,
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations"`,
    );
    expect(rows).toHaveLength(first.applied.length);
    expect(rows[0]?.finished_at).toBeInstanceOf(Date);
    expect(rows[0]?.applied_steps_count).toBe(1);
    expect(rows[0]?.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it("applies once when three processes start together", async () => {
    const results = await Promise.all([1, 2, 3].map(() => applyMigrations(db.url, quiet)));
    const appliedCounts = results.map((r) => r.applied.length).sort();
    expect(appliedCounts).toEqual([0, 0, results.flatMap((r) => r.applied).length]);
    const rows = await query<{ n: string }>(db.url, `SELECT count(*) AS n FROM "_prisma_migrations"`);
    expect(Number(rows[0]?.n)).toBe(appliedCounts[2]);
  });

  it("creates _prisma_migrations with Prisma Migrate's columns", async () => {
    await applyMigrations(db.url, quiet);
    const columns = await query<{ column_name: string; data_type: string; is_nullable: string }>(
      db.url,
      `SELECT column_name, data_type, is_nullable FROM information_schema.columns
       WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      { column_name: "id", data_type: "character varying", is_nullable: "NO" },
      { column_name: "checksum", data_type: "character varying", is_nullable: "NO" },
      { column_name: "finished_at", data_type: "timestamp with time zone", is_nullable: "YES" },
      { column_name: "migration_name", data_type: "character varying", is_nullable: "NO" },
      { column_name: "logs", data_type: "text", is_nullable: "YES" },
      { column_name: "rolled_back_at", data_type: "timestamp with time zone", is_nullable: "YES" },
      { column_name: "started_at", data_type: "timestamp with time zone", is_nullable: "NO" },
      { column_name: "applied_steps_count", data_type: "integer", is_nullable: "NO" },
    ]);
  });
});

describe("applyMigrations refuses a history it cannot reconcile", () => {
  let db: Awaited<ReturnType<typeof createTempDatabase>>;
  let dir = "";

  beforeEach(async () => {
    db = await createTempDatabase("lc_migrator_refuse");
    dir = await mkdtemp(path.join(tmpdir(), "lc-migrations-"));
    await writeMigration("20260101000000_first", `CREATE TABLE "First" ("id" INTEGER PRIMARY KEY);\n`);
    await writeMigration("20260102000000_second", `CREATE TABLE "Second" ("id" INTEGER PRIMARY KEY);\n`);
  });
  afterEach(async () => {
    await db.drop();
    await rm(dir, { recursive: true, force: true });
  });

  async function writeMigration(name: string, script: string): Promise<void> {
    await mkdir(path.join(dir, name), { recursive: true });
    await writeFile(path.join(dir, name, "migration.sql"), script);
  }

  async function refusal(): Promise<MigrationRefusedError> {
    const error: unknown = await applyMigrations(db.url, { ...quiet, migrationsDir: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationRefusedError);
    return error as MigrationRefusedError;
  }

  it("refuses when an applied migration was edited, and applies nothing", async () => {
    await applyMigrations(db.url, { ...quiet, migrationsDir: dir });
    await writeMigration("20260102000000_second", `CREATE TABLE "Second" ("id" BIGINT PRIMARY KEY);\n`);
    await writeMigration("20260103000000_third", `CREATE TABLE "Third" ("id" INTEGER PRIMARY KEY);\n`);

    const error = await refusal();
    expect(error.reason).toBe("checksum_mismatch");
    expect(error.message).toContain("20260102000000_second");
    const third = await query(db.url, `SELECT to_regclass('"Third"') AS t`);
    expect(third[0]).toEqual({ t: null });
  });

  it("refuses when a recorded migration failed", async () => {
    await applyMigrations(db.url, { ...quiet, migrationsDir: dir });
    await query(db.url, `UPDATE "_prisma_migrations" SET finished_at = NULL WHERE migration_name = '20260102000000_second'`);
    const error = await refusal();
    expect(error.reason).toBe("failed");
    expect(error.migrationName).toBe("20260102000000_second");
  });

  it("refuses when an applied migration's folder is gone", async () => {
    await applyMigrations(db.url, { ...quiet, migrationsDir: dir });
    await rm(path.join(dir, "20260102000000_second"), { recursive: true });
    const error = await refusal();
    expect(error.reason).toBe("missing");
  });

  it("records the SHA-256 of migration.sql as the checksum, as Prisma does", async () => {
    const script = `CREATE TABLE "First" ("id" INTEGER PRIMARY KEY);\n`;
    await applyMigrations(db.url, { ...quiet, migrationsDir: dir });
    const rows = await query<{ checksum: string }>(db.url, `SELECT checksum FROM "_prisma_migrations" WHERE migration_name = '20260101000000_first'`);
    expect(rows[0]?.checksum).toBe(checksumOf(script));
  });

  it("rolls a failing migration back entirely and records nothing", async () => {
    await writeMigration("20260103000000_broken", `CREATE TABLE "Third" ("id" INTEGER);\nSELECT no_such_function();\n`);
    const error: unknown = await applyMigrations(db.url, { ...quiet, migrationsDir: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationFailedError);
    expect((error as Error).message).toContain("20260103000000_broken");
    expect(await query(db.url, `SELECT to_regclass('"Third"') AS t`)).toEqual([{ t: null }]);
    const names = await query<{ migration_name: string }>(db.url, `SELECT migration_name FROM "_prisma_migrations" ORDER BY 1`);
    expect(names.map((r) => r.migration_name)).toEqual(["20260101000000_first", "20260102000000_second"]);
  });
});
