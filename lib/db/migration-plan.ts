import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";

// The pure half of the migrator: what is on disk, what the database has
// recorded, and whether it is safe to go on. Kept apart from the database code
// so the refusal rules can be tested without Postgres.

export interface MigrationFile {
  name: string;
  script: string;
  checksum: string;
}

// A row of Prisma Migrate's `_prisma_migrations` table.
export interface AppliedMigration {
  migrationName: string;
  checksum: string;
  finishedAt: Date | null;
  rolledBackAt: Date | null;
}

export type MigrationRefusalReason = "checksum_mismatch" | "failed" | "missing";

// Thrown instead of touching a database whose history disagrees with the
// migration files; the message says which migration and what to do.
export class MigrationRefusedError extends Error {
  readonly migrationName: string;
  readonly reason: MigrationRefusalReason;

  constructor(migrationName: string, reason: MigrationRefusalReason, message: string) {
    super(message);
    this.name = "MigrationRefusedError";
    this.migrationName = migrationName;
    this.reason = reason;
  }
}

// Prisma stores the SHA-256 of the script as lowercase hex.
export function checksumOf(script: string): string {
  return createHash("sha256").update(script, "utf8").digest("hex");
}

// Prisma accepts a script whose line endings git has converted (CRLF <-> LF),
// so a checkout on Windows does not look like an edited migration.
export function scriptMatchesChecksum(script: string, checksum: string): boolean {
  const lf = script.replace(/\r\n/g, "\n");
  const crlf = lf.replace(/\n/g, "\r\n");
  return [script, lf, crlf].some((variant) => checksumOf(variant) === checksum);
}

export async function readMigrationFiles(migrationsDir: string): Promise<MigrationFile[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort(compareNames);
  const files: MigrationFile[] = [];
  for (const name of names) {
    const file = path.join(migrationsDir, name, "migration.sql");
    const exists = await stat(file).then((s) => s.isFile(), () => false);
    if (!exists) {
      throw new Error(`Migration folder ${name} in ${migrationsDir} has no migration.sql; add the file or remove the folder.`);
    }
    const script = await readFile(file, "utf8");
    files.push({ name, script, checksum: checksumOf(script) });
  }
  return files;
}

// Byte order, as Prisma sorts migration folders (timestamps prefix the names).
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Decides which files still need applying, or refuses when the recorded
// history cannot be reconciled with the files on disk.
export function planMigrations(files: readonly MigrationFile[], applied: readonly AppliedMigration[]): MigrationFile[] {
  const byName = new Map(files.map((file) => [file.name, file]));
  const live = applied.filter((row) => row.rolledBackAt === null);

  for (const row of live) {
    if (row.finishedAt === null) {
      throw new MigrationRefusedError(
        row.migrationName,
        "failed",
        `Migration ${row.migrationName} is recorded as started but never finished (a failed run). ` +
          `Inspect the database, repair or revert what it changed, then mark it resolved with ` +
          `\`npx prisma migrate resolve --rolled-back ${row.migrationName}\` (or --applied if it did complete) ` +
          `before migrating again.`,
      );
    }
    const file = byName.get(row.migrationName);
    if (!file) {
      throw new MigrationRefusedError(
        row.migrationName,
        "missing",
        `Migration ${row.migrationName} is applied to the database but its folder is missing from the migrations directory. ` +
          `Restore prisma/migrations/${row.migrationName}/migration.sql (check out the matching version of the code); ` +
          `this database is newer than, or diverged from, this code.`,
      );
    }
    if (!scriptMatchesChecksum(file.script, row.checksum)) {
      throw new MigrationRefusedError(
        row.migrationName,
        "checksum_mismatch",
        `Migration ${row.migrationName} was modified after it was applied (checksum ${row.checksum} recorded, ` +
          `${file.checksum} on disk). Restore the original migration.sql and put the change in a new migration folder.`,
      );
    }
  }

  const done = new Set(live.map((row) => row.migrationName));
  return files.filter((file) => !done.has(file.name));
}
