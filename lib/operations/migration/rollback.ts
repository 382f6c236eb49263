import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { StepContext, StepOutcome } from "@/lib/operations/steps/types";
import type { ResolvedMigrationConfig } from "./config";
import { bookkeepingTable, inWritableTransaction } from "./migrate";
import { outputLog } from "./output-log";
import { describeCommand, processFailure, runProcess } from "./run-process";
import { messageOf, secretRedactor, targetProcessEnv, withTarget } from "./target";

// Which operation ran the rollback script, written in the script's own
// transaction: a repeat after a crash sees it and does not run the script
// twice (a second DROP COLUMN would fail, a second UPDATE could do harm).
const rollbacksTable = "_launch_control_rollbacks";

const checkpointSchema = z.object({ commandStartedAt: z.string() });

// The rollback SQL file runs in one read-write transaction (it works while the
// target is read-only). It should also delete the rows of the files it undoes
// from _launch_control_migrations, so that a later migration applies them
// again; what is still recorded afterwards is logged.
export async function rollbackDatabase(ctx: StepContext, resolved: ResolvedMigrationConfig): Promise<StepOutcome> {
  const { config, targetDatabaseUrl } = resolved;
  const redact = secretRedactor(targetDatabaseUrl);
  try {
    if (config.rollbackSqlFile) return await applyRollbackSql(ctx, resolved, path.resolve(config.rollbackSqlFile));
    if (config.rollbackCommand) return await runRollbackCommand(ctx, resolved, config.rollbackCommand);
    await ctx.log("info", "No database rollback is configured; the database is left as it is");
    return { status: "succeeded", result: { rolledBack: false } };
  } catch (error) {
    return { status: "failed", reason: `Database rollback failed: ${redact(messageOf(error))}` };
  }
}

async function applyRollbackSql(ctx: StepContext, { targetDatabaseUrl }: ResolvedMigrationConfig, file: string): Promise<StepOutcome> {
  let sql: string;
  try {
    sql = await readFile(file, "utf8");
  } catch (error) {
    throw new Error(`Cannot read the rollback script ${file}: ${messageOf(error)}`, { cause: error });
  }
  const checksum = createHash("sha256").update(sql).digest("hex");
  return withTarget(targetDatabaseUrl, async (client) => {
    await inWritableTransaction(client, () =>
      client.query(
        `CREATE TABLE IF NOT EXISTS ${rollbacksTable} (operation_id text PRIMARY KEY, script text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
      ),
    );
    const done = await client.query<{ applied_at: Date }>(`SELECT applied_at FROM ${rollbacksTable} WHERE operation_id = $1`, [ctx.operationId]);
    const doneAt = done.rows[0]?.applied_at;
    if (doneAt) {
      await ctx.log("info", `The rollback script already ran for this operation at ${doneAt.toISOString()}; not running it again`);
      return { status: "succeeded", result: { rolledBack: true, script: file, checksum, repeated: true } };
    }
    await ctx.log("info", `Applying the rollback script ${file}`);
    await inWritableTransaction(client, async () => {
      await client.query(sql);
      await client.query(`INSERT INTO ${rollbacksTable} (operation_id, script, checksum) VALUES ($1, $2, $3)`, [ctx.operationId, path.basename(file), checksum]);
    });
    const recorded = await client
      .query<{ name: string }>(`SELECT name FROM ${bookkeepingTable} ORDER BY name`)
      .then((result) => result.rows.map((row) => row.name))
      .catch(() => []);
    await ctx.log("info", `Rollback script applied${recorded.length ? `; still recorded as applied: ${recorded.join(", ")}` : ""}`);
    return { status: "succeeded", result: { rolledBack: true, script: file, checksum, stillRecorded: recorded } };
  });
}

// Like the migration command: not run a second time automatically.
async function runRollbackCommand(ctx: StepContext, { config, targetDatabaseUrl }: ResolvedMigrationConfig, argv: string[]): Promise<StepOutcome> {
  const earlier = checkpointSchema.safeParse(ctx.previousResult);
  if (earlier.success) {
    return {
      status: "needs_attention",
      reason: `The rollback command \`${describeCommand(argv)}\` started at ${earlier.data.commandStartedAt} and was interrupted; check the database before running it again`,
    };
  }
  await ctx.checkpoint({ commandStartedAt: new Date().toISOString() });
  await ctx.log("info", `Running \`${describeCommand(argv)}\``);
  const output = outputLog(ctx.log, secretRedactor(targetDatabaseUrl));
  try {
    const result = await runProcess(argv, {
      cwd: config.cwd ? path.resolve(config.cwd) : undefined,
      env: targetProcessEnv(targetDatabaseUrl),
      timeoutMs: config.timeoutMs,
      signal: ctx.signal,
      onLine: output.line,
    });
    const failure = processFailure(argv, result, config.timeoutMs);
    if (failure) throw new Error(failure);
    return { status: "succeeded", result: { rolledBack: true, command: describeCommand(argv) } };
  } finally {
    await output.close();
  }
}
