import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { StepContext, StepOutcome } from "@/lib/operations/steps/types";
import type { ResolvedMigrationConfig } from "./config";
import { readBeforeValues } from "./integrity";
import { outputLog } from "./output-log";
import { processFailure, runProcess } from "./run-process";
import { messageOf, secretRedactor, targetProcessEnv, urlWithoutPassword, withTarget } from "./target";

export const backupResultSchema = z.object({
  file: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  database: z.string(),
  // Values of the sameAsBefore integrity checks, read in the dump's snapshot.
  before: z.record(z.string(), z.string().nullable()),
  takenAt: z.string(),
});

export type BackupResult = z.infer<typeof backupResultSchema>;

// pg_dump -Fc of the target to <backupDir>/<releaseId>/<operationId>.dump.
// The "before" values of the integrity checks are read in a snapshot that
// pg_dump then dumps (--snapshot), so the backup and the values it is compared
// against describe the same instant even while the application still writes.
// Written to a temporary name and renamed, so a file with the final name is
// always complete; running it again simply takes a fresh backup.
export async function takeBackup(ctx: StepContext, { config, targetDatabaseUrl }: ResolvedMigrationConfig): Promise<StepOutcome> {
  const redact = secretRedactor(targetDatabaseUrl);
  const dir = path.resolve(config.backupDir, ctx.releaseId);
  const file = path.join(dir, `${ctx.operationId}.dump`);
  const partial = `${file}.partial`;
  await mkdir(dir, { recursive: true });

  return withTarget(targetDatabaseUrl, async (client) => {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    try {
      const { rows } = await client.query<{ snapshot: string; database: string; now: Date }>(
        "SELECT pg_export_snapshot() AS snapshot, current_database() AS database, now() AS now",
      );
      const snapshot = rows[0];
      if (!snapshot) throw new Error("The target did not export a snapshot");
      const before = await readBeforeValues(client, config.integrityChecks);
      await ctx.log("info", `Backing up ${snapshot.database} to ${file}`);

      const argv = ["pg_dump", "--format=custom", `--snapshot=${snapshot.snapshot}`, `--file=${partial}`, `--dbname=${urlWithoutPassword(targetDatabaseUrl)}`];
      const output = outputLog(ctx.log, redact);
      const result = await runProcess(argv, {
        env: targetProcessEnv(targetDatabaseUrl),
        timeoutMs: config.timeoutMs,
        signal: ctx.signal,
        onLine: output.line,
      });
      await output.close();
      const failure = processFailure(["pg_dump", "--format=custom", `--file=${partial}`], result, config.timeoutMs);
      if (failure) {
        await rm(partial, { force: true });
        return { status: "failed", reason: `Backup failed: ${redact(failure)}` };
      }
      await rename(partial, file);

      const backup: BackupResult = {
        file,
        sha256: await sha256File(file),
        bytes: (await stat(file)).size,
        database: snapshot.database,
        before,
        takenAt: snapshot.now.toISOString(),
      };
      const shown = Object.entries(before).map(([name, value]) => `${name} = ${value ?? "NULL"}`);
      await ctx.log("info", `Backup done: ${backup.bytes} bytes, sha256 ${backup.sha256}` + (shown.length ? `; before: ${shown.join(", ")}` : ""));
      return { status: "succeeded", result: backup };
    } catch (error) {
      await rm(partial, { force: true });
      return { status: "failed", reason: `Backup failed: ${redact(messageOf(error))}` };
    } finally {
      await client.query("ROLLBACK").catch(() => undefined);
    }
  });
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
