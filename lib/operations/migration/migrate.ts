import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import { z } from "zod";
import type { StepContext, StepOutcome } from "@/lib/operations/steps/types";
import type { ResolvedMigrationConfig } from "./config";
import { outputLog } from "./output-log";
import { resetReadOnly } from "./read-only";
import { describeCommand, processFailure, runProcess } from "./run-process";
import { isReadOnly, messageOf, secretRedactor, targetProcessEnv, withTarget } from "./target";

export const bookkeepingTable = "_launch_control_migrations";

// Two executors (a retry racing a crashed run's leftovers, two releases on one
// target) must not apply files side by side.
const migrateLockKey = 72707370;

const checkpointSchema = z.object({
  mode: z.enum(["sql", "command"]),
  applied: z.array(z.string()).default([]),
  commandStartedAt: z.string().optional(),
});
type MigrateCheckpoint = z.infer<typeof checkpointSchema>;

class MigrateFailure extends Error {
  constructor(
    message: string,
    // True when a command ran and may have applied part of its work; a SQL
    // file that failed was rolled back with its transaction.
    readonly mayHaveApplied: boolean,
  ) {
    super(message);
    this.name = "MigrateFailure";
  }
}

// On failure the target is left as safe as it can be: when this operation has
// applied nothing, read-only mode (which would only stop the application) is
// turned off again; once something is applied it stays on, so nothing writes
// to a half-migrated database until a person chooses read_only_off or the
// rollback on the Control page.
export async function runMigration(ctx: StepContext, resolved: ResolvedMigrationConfig): Promise<StepOutcome> {
  const redact = secretRedactor(resolved.targetDatabaseUrl);
  const parsed = checkpointSchema.safeParse(ctx.previousResult);
  const progress: MigrateCheckpoint = parsed.success ? parsed.data : { mode: resolved.config.mode, applied: [] };
  try {
    if (resolved.config.mode === "sql") return await applySqlDirectory(ctx, resolved, progress);
    return await runMigrationCommand(ctx, resolved, progress);
  } catch (error) {
    const reason = redact(messageOf(error));
    const commandMayHaveApplied = error instanceof MigrateFailure ? error.mayHaveApplied : resolved.config.mode === "command";
    return { status: "failed", reason: `Migration failed: ${reason}; ${await readOnlyAfterFailure(resolved, progress, commandMayHaveApplied)}` };
  }
}

async function readOnlyAfterFailure(resolved: ResolvedMigrationConfig, progress: MigrateCheckpoint, commandMayHaveApplied: boolean): Promise<string> {
  let on: boolean;
  try {
    on = await withTarget(resolved.targetDatabaseUrl, isReadOnly);
  } catch {
    return "the read-only state of the target could not be read; check it before anything else";
  }
  const applied = progress.applied;
  if (!on) return applied.length ? `applied before the failure: ${applied.join(", ")}` : "nothing was applied";
  if (applied.length > 0) {
    return `read-only mode stays ON because ${applied.length} file(s) were applied (${applied.join(", ")}): check the data, then roll back or turn read-only off`;
  }
  if (commandMayHaveApplied) {
    return "read-only mode stays ON because the command may have applied part of its work: check the data, then roll back or turn read-only off";
  }
  return `nothing was applied, so ${await resetReadOnly(resolved.targetDatabaseUrl)}`;
}

async function applySqlDirectory(ctx: StepContext, { config, targetDatabaseUrl }: ResolvedMigrationConfig, progress: MigrateCheckpoint): Promise<StepOutcome> {
  const dir = path.resolve(config.sqlDir ?? "");
  const files = await readSqlFiles(dir);
  if (files.length === 0) throw new MigrateFailure(`No *.sql files in ${dir}`, false);

  return withTarget(targetDatabaseUrl, async (client) => {
    await client.query(`SET statement_timeout = ${config.timeoutMs}`);
    await client.query("SELECT pg_advisory_lock($1)", [migrateLockKey]);
    try {
      await inWritableTransaction(client, () =>
        client.query(`CREATE TABLE IF NOT EXISTS ${bookkeepingTable} (name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`),
      );
      const applied = new Map(
        (await client.query<{ name: string; checksum: string }>(`SELECT name, checksum FROM ${bookkeepingTable}`)).rows.map((row) => [row.name, row.checksum]),
      );
      const skipped: string[] = [];
      for (const file of files) {
        const recorded = applied.get(file.name);
        if (recorded !== undefined) {
          if (recorded !== file.checksum) {
            throw new MigrateFailure(
              `${file.name} was applied with checksum ${recorded.slice(0, 12)}… but the file now reads ${file.checksum.slice(0, 12)}…; ` +
                `an applied file is never run again: restore it, or put the change in a new file`,
              false,
            );
          }
          skipped.push(file.name);
          continue;
        }
        if (ctx.signal.aborted) return { status: "failed", reason: `Interrupted before ${file.name}` };
        await ctx.log("info", `Applying ${file.name}`);
        try {
          await inWritableTransaction(client, async () => {
            await client.query(file.sql);
            await client.query(`INSERT INTO ${bookkeepingTable} (name, checksum) VALUES ($1, $2)`, [file.name, file.checksum]);
          });
        } catch (error) {
          throw new MigrateFailure(`${file.name} failed and was rolled back: ${messageOf(error)}`, false);
        }
        progress.applied.push(file.name);
        await ctx.checkpoint(progress);
      }
      if (skipped.length) await ctx.log("info", `Already applied, skipped: ${skipped.join(", ")}`);
      return { status: "succeeded", result: { mode: "sql", applied: progress.applied, skipped } };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [migrateLockKey]).catch(() => undefined);
    }
  });
}

// A command that started in an earlier attempt (then a crash, pause or abort
// cut it short) may have applied part of its work; running it again could
// differ, so a person looks first.
async function runMigrationCommand(ctx: StepContext, { config, targetDatabaseUrl }: ResolvedMigrationConfig, progress: MigrateCheckpoint): Promise<StepOutcome> {
  const argv = config.command ?? [];
  if (progress.commandStartedAt) {
    return {
      status: "needs_attention",
      reason:
        `The migration command \`${describeCommand(argv)}\` started at ${progress.commandStartedAt} and was interrupted; ` +
        `it is not run twice automatically. Check what it applied on the target, then retry or roll back`,
    };
  }
  await ctx.checkpoint({ ...progress, mode: "command", commandStartedAt: new Date().toISOString() });
  await ctx.log("info", `Running \`${describeCommand(argv)}\`${config.cwd ? ` in ${config.cwd}` : ""}`);
  const output = outputLog(ctx.log, secretRedactor(targetDatabaseUrl));
  let result;
  try {
    result = await runProcess(argv, {
      cwd: config.cwd ? path.resolve(config.cwd) : undefined,
      env: targetProcessEnv(targetDatabaseUrl),
      timeoutMs: config.timeoutMs,
      signal: ctx.signal,
      onLine: output.line,
    });
  } catch (error) {
    throw new MigrateFailure(`\`${describeCommand(argv)}\` could not start: ${messageOf(error)}`, false);
  } finally {
    await output.close();
  }
  const failure = processFailure(argv, result, config.timeoutMs);
  if (failure) throw new MigrateFailure(failure, true);
  return { status: "succeeded", result: { mode: "command", exitCode: result.exitCode } };
}

// The target may be read-only for everyone (read_only_on); `BEGIN READ WRITE`
// overrides default_transaction_read_only for this one transaction (as
// `SET LOCAL transaction_read_only = off` would), so the migration writes
// while the application cannot.
export async function inWritableTransaction<T>(client: pg.Client, work: () => Promise<T>): Promise<T> {
  await client.query("BEGIN READ WRITE");
  try {
    const result = await work();
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

interface SqlFile {
  name: string;
  sql: string;
  checksum: string;
}

async function readSqlFiles(dir: string): Promise<SqlFile[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    throw new MigrateFailure(`Cannot read the SQL directory ${dir}: ${messageOf(error)}`, false);
  }
  // Code-point order, the same on every machine and locale.
  const sqlNames = names.filter((name) => name.endsWith(".sql")).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return Promise.all(
    sqlNames.map(async (name) => {
      const sql = await readFile(path.join(dir, name), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}
