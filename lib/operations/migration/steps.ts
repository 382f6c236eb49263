import { prisma } from "@/lib/db/client";
import type { StepContext, StepDefinition, StepOutcome } from "@/lib/operations/steps/types";
import { takeBackup, backupResultSchema, type BackupResult } from "./backup";
import { MigrationConfigError, type ResolvedMigrationConfig } from "./config";
import { describeFailures, runIntegrityChecks, type CheckOutcome } from "./integrity";
import { loadMigrationConfig } from "./load-config";
import { runMigration } from "./migrate";
import { disableReadOnly, enableReadOnly } from "./read-only";
import { rollbackDatabase } from "./rollback";
import { messageOf, secretRedactor, TargetDatabaseError, withTarget } from "./target";

// Migration steps read the release's `migration` setting when they run (not
// from their params): the target URL is a secret and must not be copied into
// the operation's plan.
export interface MigrationStepDeps {
  loadConfig(ctx: StepContext): Promise<ResolvedMigrationConfig>;
  // The backup step's result in this operation: the "before" values of the
  // sameAsBefore integrity checks.
  loadBackupResult(ctx: StepContext): Promise<BackupResult | null>;
}

export const migrationStepKinds = ["backup", "read_only_on", "migrate", "integrity", "read_only_off", "rollback_db"] as const;
export type MigrationStepKind = (typeof migrationStepKinds)[number];

export function createMigrationSteps(deps: MigrationStepDeps = defaultDeps()): StepDefinition[] {
  const step = (
    kind: MigrationStepKind,
    safeToRepeat: boolean,
    run: (ctx: StepContext, resolved: ResolvedMigrationConfig) => Promise<StepOutcome>,
  ): StepDefinition => ({
    kind,
    safeToRepeat,
    async run(ctx) {
      let resolved: ResolvedMigrationConfig;
      try {
        resolved = await deps.loadConfig(ctx);
      } catch (error) {
        const reason = error instanceof MigrationConfigError ? error.message : `Cannot read the migration settings: ${messageOf(error)}`;
        return { status: "failed", reason };
      }
      // Whatever a step did not foresee (the target unreachable, a disk full)
      // still ends as a failed step with a reason, never with the password.
      try {
        return await run(ctx, resolved);
      } catch (error) {
        return { status: "failed", reason: `${kind} failed: ${secretRedactor(resolved.targetDatabaseUrl)(messageOf(error))}` };
      }
    },
  });

  return [
    // A fresh dump each time it runs.
    step("backup", true, takeBackup),
    // Setting read-only again and ending the old sessions again is harmless.
    step("read_only_on", true, enableReadOnly),
    // SQL mode records each file in the file's own transaction and skips
    // recorded ones, so a repeat continues where it stopped. A command that
    // was cut short is never run twice: the step itself parks the operation
    // in needs_attention when it sees that the command already started.
    step("migrate", true, runMigration),
    step("integrity", true, (ctx, resolved) => checkIntegrity(ctx, resolved, deps)),
    step("read_only_off", true, disableReadOnly),
    // The script records its run in its own transaction (command: started
    // once, then a person decides), so a repeat does not apply it twice.
    step("rollback_db", true, rollbackDatabase),
  ];
}

export const migrationSteps: StepDefinition[] = createMigrationSteps();

async function checkIntegrity(ctx: StepContext, { config, targetDatabaseUrl }: ResolvedMigrationConfig, deps: MigrationStepDeps): Promise<StepOutcome> {
  const checks = config.integrityChecks;
  if (checks.length === 0) {
    await ctx.log("info", "No integrity checks are configured");
    return { status: "succeeded", result: { checks: [] } };
  }
  const needsBefore = checks.some((check) => "sameAsBefore" in check.expect);
  const before = needsBefore ? ((await deps.loadBackupResult(ctx))?.before ?? null) : null;
  let outcomes: CheckOutcome[];
  try {
    outcomes = await withTarget(targetDatabaseUrl, (client) => runIntegrityChecks(client, checks, before));
  } catch (error) {
    if (error instanceof TargetDatabaseError) return { status: "failed", reason: error.message };
    return { status: "failed", reason: `Integrity checks could not run: ${secretRedactor(targetDatabaseUrl)(messageOf(error))}` };
  }
  for (const outcome of outcomes) {
    await ctx.log(outcome.ok ? "info" : "error", `${outcome.ok ? "Passed" : "FAILED"}: ${outcome.name} = ${outcome.actual ?? "NULL"}`);
  }
  const failed = outcomes.filter((outcome) => !outcome.ok);
  if (failed.length > 0) {
    return { status: "failed", reason: `${failed.length} of ${outcomes.length} integrity check(s) failed: ${describeFailures(outcomes, checks)}` };
  }
  return { status: "succeeded", result: { checks: outcomes } };
}

// The engine's wiring: settings from the release, the backup's result from
// this operation's recorded steps.
function defaultDeps(): MigrationStepDeps {
  return {
    loadConfig: (ctx) => loadMigrationConfig(ctx.releaseId),
    async loadBackupResult(ctx) {
      const step = await prisma.operationStep.findFirst({
        where: { operationId: ctx.operationId, kind: "backup", status: "succeeded" },
        orderBy: { position: "desc" },
        select: { result: true },
      });
      const parsed = backupResultSchema.safeParse(step?.result);
      return parsed.success ? parsed.data : null;
    },
  };
}
