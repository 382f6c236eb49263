import { createHash } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  checksumOf,
  MigrationRefusedError,
  planMigrations,
  readMigrationFiles,
  scriptMatchesChecksum,
  type AppliedMigration,
  type MigrationFile,
} from "./migration-plan";

const file = (name: string, script = `-- ${name}\nSELECT 1;\n`): MigrationFile => ({ name, script, checksum: checksumOf(script) });
const applied = (f: MigrationFile, over: Partial<AppliedMigration> = {}): AppliedMigration => ({
  migrationName: f.name,
  checksum: f.checksum,
  finishedAt: new Date(),
  rolledBackAt: null,
  ...over,
});

describe("checksumOf", () => {
  it("is the lowercase hex SHA-256 of the script, as Prisma records it", () => {
    const script = "CREATE TABLE \"A\" (\"id\" TEXT);\n";
    expect(checksumOf(script)).toBe(createHash("sha256").update(Buffer.from(script, "utf8")).digest("hex"));
    expect(checksumOf(script)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("matches a script whose line endings git converted", () => {
    const lf = "SELECT 1;\nSELECT 2;\n";
    const crlf = lf.replace(/\n/g, "\r\n");
    expect(scriptMatchesChecksum(crlf, checksumOf(lf))).toBe(true);
    expect(scriptMatchesChecksum(lf, checksumOf(crlf))).toBe(true);
    expect(scriptMatchesChecksum("SELECT 3;\n", checksumOf(lf))).toBe(false);
  });
});

describe("readMigrationFiles", () => {
  let dir = "";
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function migrationsDir(names: string[]): Promise<string> {
    dir = await mkdtemp(path.join(tmpdir(), "lc-migrations-"));
    for (const name of names) {
      await mkdir(path.join(dir, name));
      await writeFile(path.join(dir, name, "migration.sql"), `-- ${name}\n`);
    }
    await writeFile(path.join(dir, "migration_lock.toml"), 'provider = "postgresql"\n');
    return dir;
  }

  it("returns the folders in name order, ignoring files beside them", async () => {
    const files = await readMigrationFiles(await migrationsDir(["20260102000000_b", "20251231000000_a", "20260102000000_a"]));
    expect(files.map((f) => f.name)).toEqual(["20251231000000_a", "20260102000000_a", "20260102000000_b"]);
    expect(files[0]?.checksum).toBe(checksumOf("-- 20251231000000_a\n"));
  });

  it("refuses a folder without migration.sql", async () => {
    const root = await migrationsDir(["20260101000000_a"]);
    await mkdir(path.join(root, "20260102000000_empty"));
    await expect(readMigrationFiles(root)).rejects.toThrow(/20260102000000_empty .*has no migration\.sql/);
  });

  it("reads the project's own migrations", async () => {
    const files = await readMigrationFiles(path.resolve(import.meta.dirname, "../../prisma/migrations"));
    expect(files.map((f) => f.name)).toContain("20261129000000_init");
  });
});

describe("planMigrations", () => {
  const a = file("20260101000000_a");
  const b = file("20260102000000_b");
  const c = file("20260103000000_c");

  it("plans every file on an empty database", () => {
    expect(planMigrations([a, b, c], []).map((f) => f.name)).toEqual([a.name, b.name, c.name]);
  });

  it("skips what is applied and keeps the order of the rest", () => {
    expect(planMigrations([a, b, c], [applied(a)]).map((f) => f.name)).toEqual([b.name, c.name]);
    expect(planMigrations([a, b, c], [applied(a), applied(b), applied(c)])).toEqual([]);
  });

  it("re-plans a migration that was marked rolled back", () => {
    const rows = [applied(b, { finishedAt: null, rolledBackAt: new Date() })];
    expect(planMigrations([a, b], [applied(a), ...rows]).map((f) => f.name)).toEqual([b.name]);
  });

  function refusal(files: MigrationFile[], rows: AppliedMigration[]): MigrationRefusedError {
    try {
      planMigrations(files, rows);
    } catch (error) {
      if (error instanceof MigrationRefusedError) return error;
      throw error;
    }
    throw new Error("expected planMigrations to refuse");
  }

  it("refuses an applied migration whose file changed, naming it and the fix", () => {
    const edited = { ...a, script: `${a.script}ALTER TABLE x ADD y INT;\n`, checksum: checksumOf(`${a.script}ALTER TABLE x ADD y INT;\n`) };
    const error = refusal([edited, b], [applied(a)]);
    expect(error.reason).toBe("checksum_mismatch");
    expect(error.migrationName).toBe(a.name);
    expect(error.message).toContain(a.name);
    expect(error.message).toMatch(/new migration/);
  });

  it("refuses when a recorded migration failed", () => {
    const error = refusal([a, b], [applied(a), applied(b, { finishedAt: null })]);
    expect(error.reason).toBe("failed");
    expect(error.message).toContain(b.name);
    expect(error.message).toMatch(/migrate resolve/);
  });

  it("refuses when an applied migration's folder is missing", () => {
    const error = refusal([a], [applied(a), applied(b)]);
    expect(error.reason).toBe("missing");
    expect(error.message).toContain(b.name);
  });
});
