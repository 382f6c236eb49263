import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { planMigrations, readMigrationFiles, type AppliedMigration, type MigrationFile } from "./migration-plan";

export { MigrationRefusedError, type MigrationRefusalReason } from "./migration-plan";

export const defaultMigrationsDir = path.resolve(import.meta.dirname, "../../prisma/migrations");

// The key Prisma Migrate itself locks with, so `prisma migrate deploy` and this
// migrator never run against the same database at the same time either.
const advisoryLockKey = 72707369;

// Prisma Migrate's own bookkeeping table, column for column, so the two tools
// can take turns on the same database.
const createMigrationsTable = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export class MigrationFailedError extends Error {
  readonly migrationName: string;

  constructor(migrationName: string, cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(
      `Migration ${migrationName} failed and was rolled back, so the database is unchanged: ${detail}. ` +
        `It is not recorded as applied: fix prisma/migrations/${migrationName}/migration.sql and migrate again, ` +
        `or, if the database already holds these objects from another source, record it with ` +
        `\`npx prisma migrate resolve --applied ${migrationName}\`.`,
      { cause },
    );
    this.name = "MigrationFailedError";
    this.migrationName = migrationName;
  }
}

export interface ApplyMigrationsOptions {
  log?: (msg: string) => void;
  migrationsDir?: string;
}

// Applies the migrations that the database has not recorded yet, each in its
// own transaction, holding an advisory lock so that several processes starting
// at once apply each migration exactly once.
export async function applyMigrations(
  connectionString: string,
  opts: ApplyMigrationsOptions = {},
): Promise<{ applied: string[] }> {
  const log = opts.log ?? ((msg: string) => console.log(msg));
  const files = await readMigrationFiles(opts.migrationsDir ?? defaultMigrationsDir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [advisoryLockKey]);
    try {
      await client.query(createMigrationsTable);
      const pending = planMigrations(files, await readApplied(client));
      const applied: string[] = [];
      for (const migration of pending) {
        log(`Applying migration ${migration.name}`);
        await applyOne(client, migration);
        applied.push(migration.name);
      }
      return { applied };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [advisoryLockKey]);
    }
  } finally {
    await client.end();
  }
}

async function readApplied(client: pg.Client): Promise<AppliedMigration[]> {
  const result = await client.query<{
    migration_name: string;
    checksum: string;
    finished_at: Date | null;
    rolled_back_at: Date | null;
  }>(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`);
  return result.rows.map((row) => ({
    migrationName: row.migration_name,
    checksum: row.checksum,
    finishedAt: row.finished_at,
    rolledBackAt: row.rolled_back_at,
  }));
}

async function applyOne(client: pg.Client, migration: MigrationFile): Promise<void> {
  await client.query("BEGIN");
  try {
    // No parameters: the simple query protocol runs a multi-statement script.
    await client.query(migration.script);
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
      [randomUUID(), migration.checksum, migration.name],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw new MigrationFailedError(migration.name, error);
  }
}
