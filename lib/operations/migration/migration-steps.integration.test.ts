import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { StepDefinition, StepOutcome } from "@/lib/operations/steps/types";
import { createTempDatabase } from "@/test/temp-database";
import { recordingStepContext, type RecordingStepContext } from "@/test/step-context";
import type { BackupResult } from "./backup";
import { MigrationConfigError, resolveMigrationConfig, type MigrationConfigInput } from "./config";
import { createMigrationSteps, type MigrationStepKind } from "./steps";
import { withTarget } from "./target";

// The migration target is a real Postgres database of its own per test;
// Launch Control's own database (DATABASE_URL) is the integration database.
const password = "s3cret-pw-7f3a";

type TempDb = Awaited<ReturnType<typeof createTempDatabase>>;

async function query<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

// Local connections are trusted, so the password is ignored by the server but
// travels through everything Launch Control does with the URL.
function withPassword(url: string): string {
  const parsed = new URL(url);
  parsed.password = password;
  return parsed.toString();
}

describe("migration steps against a real target database", () => {
  let target: TempDb;
  let targetUrl: string;
  let workDir: string;
  let sqlDir: string;
  let backup: BackupResult | null;

  beforeEach(async () => {
    target = await createTempDatabase("lc_target");
    targetUrl = withPassword(target.url);
    workDir = await mkdtemp(path.join(tmpdir(), "lc-migration-"));
    sqlDir = path.join(workDir, "sql");
    await mkdir(sqlDir);
    backup = null;
    await query(
      target.url,
      `CREATE TABLE customers (id serial PRIMARY KEY, name text NOT NULL);
       INSERT INTO customers (name) VALUES ('Kim'), ('Lee'), ('Park');`,
    );
  });

  afterEach(async () => {
    await target.drop();
    await rm(workDir, { recursive: true, force: true });
  });

  function steps(config: Partial<MigrationConfigInput> = {}): Record<MigrationStepKind, StepDefinition> {
    const full: MigrationConfigInput = { mode: "sql", sqlDir, backupDir: path.join(workDir, "backups"), readOnlyWaitMs: 1_000, ...config };
    const definitions = createMigrationSteps({
      loadConfig: async () => resolveMigrationConfig(full, { targetDatabaseUrl: targetUrl }),
      loadBackupResult: async () => backup,
    });
    return Object.fromEntries(definitions.map((definition) => [definition.kind, definition])) as Record<MigrationStepKind, StepDefinition>;
  }

  async function run(step: StepDefinition, ctx: RecordingStepContext = recordingStepContext()): Promise<StepOutcome> {
    const outcome = await step.run(ctx);
    const logged = ctx.logs.map((entry) => entry.message).join("\n");
    expect(logged).not.toContain(password);
    if (outcome.status !== "succeeded") expect(outcome.reason).not.toContain(password);
    return outcome;
  }

  function result<T>(outcome: StepOutcome): T {
    if (outcome.status !== "succeeded") throw new Error(`step ${outcome.status}: ${outcome.reason}`);
    return outcome.result as T;
  }

  async function sqlFile(name: string, sql: string): Promise<void> {
    await writeFile(path.join(sqlDir, name), sql);
  }

  async function readOnlyDefault(): Promise<boolean> {
    const rows = await query<{ on: string }>(target.url, "SELECT current_setting('default_transaction_read_only') AS on");
    return rows[0]?.on === "on";
  }

  it("backs up with pg_dump: the file exists, its checksum matches, and pg_restore brings the data back", async () => {
    const ctx = recordingStepContext();
    const taken = result<BackupResult>(
      await run(
        steps({ integrityChecks: [{ name: "customer rows", sql: "SELECT count(*) FROM customers", expect: { sameAsBefore: true } }] }).backup,
        ctx,
      ),
    );

    expect(taken.file).toBe(path.join(workDir, "backups", ctx.releaseId, `${ctx.operationId}.dump`));
    const bytes = await readFile(taken.file);
    expect(taken.bytes).toBe((await stat(taken.file)).size);
    expect(taken.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(taken.before).toEqual({ "customer rows": "3" });

    const restored = await createTempDatabase("lc_restored");
    try {
      const restore = spawnSync("pg_restore", ["--no-owner", `--dbname=${restored.url}`, taken.file], { encoding: "utf8" });
      expect(restore.stderr).toBe("");
      expect(restore.status).toBe(0);
      const rows = await query<{ name: string }>(restored.url, "SELECT name FROM customers ORDER BY id");
      expect(rows.map((row) => row.name)).toEqual(["Kim", "Lee", "Park"]);
    } finally {
      await restored.drop();
    }
  });

  it("blocks other connections' writes while read-only, yet the migration itself writes", async () => {
    await sqlFile("001_orders.sql", "CREATE TABLE orders (id serial PRIMARY KEY, customer_id int NOT NULL REFERENCES customers(id));");
    await sqlFile("002_fill.sql", "SELECT pg_sleep(0.5); INSERT INTO orders (customer_id) SELECT id FROM customers;");
    const definitions = steps({ readOnly: true, readOnlyWaitMs: 500 });

    // An application connection opened before the switch, idle in its pool,
    // and one holding an open write transaction.
    const idle = new pg.Client({ connectionString: target.url });
    const writer = new pg.Client({ connectionString: target.url });
    for (const client of [idle, writer]) {
      client.on("error", () => undefined);
      await client.connect();
    }
    await writer.query("BEGIN");
    await writer.query("INSERT INTO customers (name) VALUES ('Choi')");

    const onCtx = recordingStepContext();
    expect((await run(definitions.read_only_on, onCtx)).status).toBe("succeeded");
    const onLog = onCtx.logs.map((entry) => entry.message).join("\n");
    expect(onLog).toMatch(/Ended idle session \d+/);
    expect(onLog).toMatch(/Terminated session \d+ .* \(it held an open write transaction\)/);
    await expect(idle.query("SELECT 1")).rejects.toThrow();
    await expect(writer.query("COMMIT")).rejects.toThrow();
    await Promise.all([idle.end().catch(() => undefined), writer.end().catch(() => undefined)]);
    expect(await readOnlyDefault()).toBe(true);

    const migrateCtx = recordingStepContext();
    const migrating = run(definitions.migrate, migrateCtx);
    await waitFor(() => migrateCtx.logs.some((entry) => entry.message === "Applying 002_fill.sql"));
    await expect(query(target.url, "INSERT INTO customers (name) VALUES ('Jung')")).rejects.toThrow(/read-only transaction/);
    const migrated = result<{ applied: string[] }>(await migrating);
    expect(migrated.applied).toEqual(["001_orders.sql", "002_fill.sql"]);
    expect(await query(target.url, "SELECT * FROM orders")).toHaveLength(3);
    await expect(query(target.url, "INSERT INTO customers (name) VALUES ('Jung')")).rejects.toThrow(/read-only transaction/);

    expect((await run(definitions.read_only_off)).status).toBe("succeeded");
    expect(await readOnlyDefault()).toBe(false);
    await query(target.url, "INSERT INTO customers (name) VALUES ('Jung')");
    expect(await query(target.url, "SELECT * FROM customers")).toHaveLength(4);
  });

  it("fails the integrity step naming each failing check with expected and actual values", async () => {
    const integrityChecks: MigrationConfigInput["integrityChecks"] = [
      { name: "customer rows unchanged", sql: "SELECT count(*) FROM customers", expect: { sameAsBefore: true } },
      { name: "orphan orders", sql: "SELECT 0", expect: { equals: 0 } },
      { name: "vip count", sql: "SELECT count(*) FROM customers WHERE name = 'Kim'", expect: { equals: 2 } },
    ];
    const definitions = steps({ integrityChecks });
    backup = result<BackupResult>(await run(definitions.backup));
    await sqlFile("001_lose_a_row.sql", "DELETE FROM customers WHERE name = 'Park';");
    expect((await run(definitions.migrate)).status).toBe("succeeded");

    const ctx = recordingStepContext();
    const outcome = await run(definitions.integrity, ctx);
    expect(outcome).toEqual({
      status: "failed",
      reason:
        '2 of 3 integrity check(s) failed: "customer rows unchanged": expected "3" (the value before the migration), got "2"; ' +
        '"vip count": expected "2", got "1"',
    });
    expect(ctx.logs).toContainEqual({ level: "info", message: "Passed: orphan orders = 0" });
  });

  it("passes the integrity step when every check holds", async () => {
    const definitions = steps({
      integrityChecks: [
        { name: "customer rows unchanged", sql: "SELECT count(*) FROM customers", expect: { sameAsBefore: true } },
        { name: "three customers", sql: "SELECT count(*) FROM customers", expect: { equals: "3" } },
      ],
    });
    backup = result<BackupResult>(await run(definitions.backup));
    expect((await run(definitions.integrity)).status).toBe("succeeded");
  });

  it("restores the previous schema with the rollback script, once even when repeated", async () => {
    await sqlFile("001_email.sql", "ALTER TABLE customers ADD COLUMN email text; CREATE TABLE audit_log (id serial PRIMARY KEY);");
    const rollbackSqlFile = path.join(workDir, "rollback.sql");
    await writeFile(
      rollbackSqlFile,
      "ALTER TABLE customers DROP COLUMN email; DROP TABLE audit_log; DELETE FROM _launch_control_migrations WHERE name = '001_email.sql';",
    );
    const definitions = steps({ rollbackSqlFile, readOnly: true });
    const schema = () =>
      query<{ table_name: string; column_name: string }>(
        target.url,
        `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'
         AND table_name NOT LIKE '\\_launch\\_control%' ORDER BY table_name, column_name`,
      );
    const before = await schema();
    expect((await run(definitions.read_only_on)).status).toBe("succeeded");
    expect((await run(definitions.migrate)).status).toBe("succeeded");
    expect(await schema()).not.toEqual(before);

    // Rolled back while the target is still read-only, as after a failed migration.
    const ctx = recordingStepContext();
    expect((await run(definitions.rollback_db, ctx)).status).toBe("succeeded");
    expect(await schema()).toEqual(before);
    expect(await query(target.url, "SELECT name FROM customers")).toHaveLength(3);

    const again = recordingStepContext({ operationId: ctx.operationId });
    expect(result<{ repeated: boolean }>(await run(definitions.rollback_db, again)).repeated).toBe(true);
    expect(again.logs.at(-1)?.message).toMatch(/already ran for this operation/);

    // With its bookkeeping row removed, the migration applies again.
    expect(result<{ applied: string[] }>(await run(definitions.migrate)).applied).toEqual(["001_email.sql"]);
  });

  it("skips files already applied when migrate runs again, and refuses an applied file that changed", async () => {
    await sqlFile("001_a.sql", "CREATE TABLE a (id int);");
    await sqlFile("002_b.sql", "CREATE TABLE b (id int);");
    await sqlFile("notes.txt", "not SQL");
    const definitions = steps();
    expect(result<{ applied: string[] }>(await run(definitions.migrate)).applied).toEqual(["001_a.sql", "002_b.sql"]);

    await sqlFile("003_c.sql", "CREATE TABLE c (id int);");
    const second = result<{ applied: string[]; skipped: string[] }>(await run(definitions.migrate));
    expect(second).toMatchObject({ applied: ["003_c.sql"], skipped: ["001_a.sql", "002_b.sql"] });
    const recorded = await query<{ name: string; checksum: string }>(target.url, "SELECT name, checksum FROM _launch_control_migrations ORDER BY name");
    expect(recorded.map((row) => row.name)).toEqual(["001_a.sql", "002_b.sql", "003_c.sql"]);
    expect(recorded[0]?.checksum).toBe(createHash("sha256").update("CREATE TABLE a (id int);").digest("hex"));

    await sqlFile("001_a.sql", "CREATE TABLE a (id bigint);");
    const changed = await run(definitions.migrate);
    expect(changed.status).toBe("failed");
    expect(changed.status === "failed" && changed.reason).toMatch(/001_a\.sql was applied with checksum .* an applied file is never run again/);
  });

  it("turns read-only off again when a failing migration applied nothing, and keeps it on once something was applied", async () => {
    await sqlFile("001_bad.sql", "ALTER TABLE no_such_table ADD COLUMN x int;");
    const definitions = steps({ readOnly: true });
    expect((await run(definitions.read_only_on)).status).toBe("succeeded");
    const nothing = await run(definitions.migrate);
    expect(nothing.status === "failed" && nothing.reason).toMatch(
      /001_bad\.sql failed and was rolled back: relation "no_such_table" does not exist; nothing was applied, so read-only mode was turned off again/,
    );
    expect(await readOnlyDefault()).toBe(false);

    await sqlFile("000_good.sql", "CREATE TABLE good (id int);");
    expect((await run(definitions.read_only_on)).status).toBe("succeeded");
    const partial = await run(definitions.migrate);
    expect(partial.status === "failed" && partial.reason).toMatch(/read-only mode stays ON because 1 file\(s\) were applied \(000_good\.sql\)/);
    expect(await readOnlyDefault()).toBe(true);
  });

  it("fails command mode on a non-zero exit with the tail of stderr, and never runs an interrupted command twice", async () => {
    const failing = steps({
      mode: "command",
      readOnly: true,
      command: ["node", "-e", "console.log('url', process.env.DATABASE_URL); console.error('Error: P3009 migrate found failed migrations'); process.exit(3)"],
    });
    expect((await run(failing.read_only_on)).status).toBe("succeeded");
    const ctx = recordingStepContext();
    const outcome = await run(failing.migrate, ctx);
    expect(outcome.status).toBe("failed");
    const reason = outcome.status === "failed" ? outcome.reason : "";
    expect(reason).toContain("`node -e");
    expect(reason).toContain("exited with code 3; stderr (last lines):\nError: P3009 migrate found failed migrations");
    expect(reason).toMatch(/read-only mode stays ON because the command may have applied part of its work/);
    // The command saw the target (password masked in the log), not our own database.
    expect(ctx.logs.map((entry) => entry.message).join("\n")).toContain(`url ${target.url.replace("postgres@", "postgres:***@")}`);
    expect(await readOnlyDefault()).toBe(true);

    const repeat = await run(failing.migrate, recordingStepContext({ previousResult: ctx.checkpoints.at(-1) }));
    expect(repeat.status).toBe("needs_attention");
    expect(repeat.status === "needs_attention" && repeat.reason).toMatch(/was interrupted; it is not run twice automatically/);
  });

  it("stops a migration command that runs past its timeout", async () => {
    const slow = steps({ mode: "command", timeoutMs: 1_000, command: ["node", "-e", "setTimeout(() => {}, 60000)"] });
    const started = Date.now();
    const outcome = await run(slow.migrate);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(outcome.status === "failed" && outcome.reason).toMatch(/timed out after 1 s and was stopped/);
  });

  it("refuses Launch Control's own database as the target", async () => {
    const own = new URL(process.env.DATABASE_URL ?? "");
    const alias = new URL(own);
    alias.hostname = "localhost";
    alias.password = "whatever";
    expect(() => resolveMigrationConfig({ mode: "sql", sqlDir }, { targetDatabaseUrl: alias.toString() })).toThrow(MigrationConfigError);
    expect(() => resolveMigrationConfig({ mode: "sql", sqlDir }, { targetDatabaseUrl: alias.toString() })).toThrow(
      /is Launch Control's own database .* a migration must target the application's database/,
    );

    targetUrl = alias.toString();
    const outcome = await run(steps().backup);
    expect(outcome.status === "failed" && outcome.reason).toMatch(/Launch Control's own database/);

    // Past the URL comparison (an alias it cannot see through), the
    // connection itself recognises the server and database.
    await expect(withTarget(own.toString(), async () => "connected")).rejects.toThrow(/is Launch Control's own database/);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("Timed out waiting for the condition");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
