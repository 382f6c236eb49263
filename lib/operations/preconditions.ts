import { prisma, type Tx } from "@/lib/db/client";
import type { OperationKind } from "@/lib/db/generated/enums";
import { driverForRelease } from "@/lib/drivers/create-driver";
import { AppError } from "@/lib/errors";
import { gateBlockers } from "@/lib/gates/assert-gate-open";
import { itemSatisfiesGate } from "@/lib/gates/gate-state";
import { migrationConfigSchema } from "./migration/config";
import { loadMigrationConfig } from "./migration/load-config";
import { cutoverConfigSchema, defaultCutoverConfig, type CutoverConfig } from "./cutover-config";
import { activeStatuses, describeError, gateForKind, movesTraffic } from "./operation-state";
import { cutoverPlan, migrationPlan, rollbackPlan, type PlannedStep } from "./plans";

// One unmet condition, as listed in a 409 PRECONDITION_FAILED (`details.missing`)
// and shown beside a disabled button.
export interface Precondition {
  code: string;
  message: string;
  gate?: string;
  itemKeys?: string[];
  operationId?: string;
}

export const cutoverSettingKey = "cutover";
const migrationSettingKey = "migration";

// What can be checked before the release is locked (settings, secrets, the
// driver): the plan, or why there is none.
export async function prepareOperation(releaseId: string, kind: OperationKind, rehearsal: boolean): Promise<{ plan: PlannedStep[]; missing: Precondition[] }> {
  const missing: Precondition[] = [];
  if (movesTraffic(kind)) {
    try {
      const driver = await driverForRelease(releaseId, rehearsal ? "rehearsal" : "production");
      await driver.close?.();
    } catch (error) {
      missing.push({ code: "DRIVER_CONFIG_INVALID", message: `The ${rehearsal ? "rehearsal" : "production"} traffic driver is not usable: ${describeError(error)}` });
    }
  }
  switch (kind) {
    case "cutover": {
      const config = await readCutoverConfig(releaseId);
      if ("invalid" in config) {
        missing.push({ code: "CUTOVER_CONFIG_INVALID", message: config.invalid });
        return { plan: [], missing };
      }
      return { plan: cutoverPlan(config.config), missing };
    }
    case "migration":
      try {
        const { config } = await loadMigrationConfig(releaseId);
        return { plan: migrationPlan(config), missing };
      } catch (error) {
        missing.push({ code: "MIGRATION_CONFIG_INVALID", message: describeError(error) });
        return { plan: [], missing };
      }
    case "rollback":
      return { plan: rollbackPlan({ rollbackDatabase: await needsDatabaseRollback(releaseId, rehearsal) }), missing };
  }
}

// Checked under the release's row lock, so two starts see each other: the
// active operation, the gate (held FOR SHARE until commit) and the checklist.
// Rehearsals prove the procedure the checklist asks for, so they are not
// held back by that checklist or its gates — only by another rehearsal.
export async function lockedPreconditions(
  tx: Tx,
  release: { id: string; status: string; activeOperationId: string | null },
  kind: OperationKind,
  rehearsal: boolean,
): Promise<Precondition[]> {
  const missing: Precondition[] = [];
  const activeSelect = { id: true, kind: true, status: true } as const;
  const active = rehearsal
    ? await tx.operation.findFirst({ where: { releaseId: release.id, rehearsal: true, status: { in: [...activeStatuses] } }, select: activeSelect })
    : release.activeOperationId
      ? await tx.operation.findFirst({ where: { id: release.activeOperationId, status: { in: [...activeStatuses] } }, select: activeSelect })
      : null;
  if (active) {
    missing.push({
      code: "OPERATION_ACTIVE",
      message: `A ${rehearsal ? "rehearsal " : ""}${active.kind} is ${active.status.replace("_", " ")}; let it finish or abort it first`,
      operationId: active.id,
    });
  }
  if (rehearsal) return missing;

  if (kind === "cutover" && (release.status === "live" || release.status === "completed" || release.status === "cancelled")) {
    missing.push({ code: "RELEASE_STATUS", message: `The release is ${release.status}; a cutover needs a release that is not live yet` });
  }
  for (const blocker of await gateBlockers(tx, release.id, gateForKind[kind])) missing.push({ ...blocker });
  if (kind === "cutover") {
    const items = await tx.checklistItem.findMany({ where: { releaseId: release.id, requiredForGoLive: true }, select: { key: true, status: true } });
    const notDone = items.filter((item) => !itemSatisfiesGate(item.status)).map((item) => item.key);
    if (notDone.length > 0) {
      missing.push({ code: "CHECKLIST_INCOMPLETE", message: `${notDone.length} checklist item(s) required for go-live are not done`, itemKeys: notDone });
    }
  }
  return missing;
}

async function readCutoverConfig(releaseId: string): Promise<{ config: CutoverConfig } | { invalid: string }> {
  const row = await prisma.releaseSetting.findUnique({ where: { releaseId_key: { releaseId, key: cutoverSettingKey } }, select: { settings: true } });
  if (!row) return { config: defaultCutoverConfig };
  const parsed = cutoverConfigSchema.safeParse(row.settings);
  if (!parsed.success) return { invalid: `The saved cutover settings are not valid: ${parsed.error.issues.map((issue) => issue.message).join("; ")}` };
  return { config: parsed.data };
}

// The database is rolled back only when a migration touched it since the last
// rollback, and only if a rollback script is configured; traffic goes back
// to blue in every case.
async function needsDatabaseRollback(releaseId: string, rehearsal: boolean): Promise<boolean> {
  const lastRollback = await prisma.operation.findFirst({
    where: { releaseId, rehearsal, kind: "rollback", status: "succeeded" },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const migrated = await prisma.operationStep.findFirst({
    where: {
      kind: "migrate",
      attempts: { gt: 0 },
      operation: { releaseId, rehearsal, kind: "migration", ...(lastRollback ? { createdAt: { gt: lastRollback.createdAt } } : {}) },
    },
    select: { id: true },
  });
  if (!migrated) return false;
  const setting = await prisma.releaseSetting.findUnique({ where: { releaseId_key: { releaseId, key: migrationSettingKey } }, select: { settings: true } });
  const parsed = migrationConfigSchema.safeParse(setting?.settings);
  return parsed.success && Boolean(parsed.data.rollbackSqlFile || parsed.data.rollbackCommand);
}

export function preconditionError(kind: OperationKind, missing: Precondition[]): AppError {
  return new AppError("PRECONDITION_FAILED", `The ${kind} cannot start: ${missing.map((m) => m.message).join("; ")}`, { missing });
}
