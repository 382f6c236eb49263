import { decryptSecrets, SecretsError } from "@/lib/config/secrets";
import { prisma } from "@/lib/db/client";
import { MigrationConfigError, resolveMigrationConfig, type ResolvedMigrationConfig } from "./config";

export const migrationSettingKey = "migration";

// The release's `migration` setting with its secret, validated, read when a
// step runs so a corrected setting applies to the next attempt.
export async function loadMigrationConfig(releaseId: string): Promise<ResolvedMigrationConfig> {
  const row = await prisma.releaseSetting.findUnique({
    where: { releaseId_key: { releaseId, key: migrationSettingKey } },
    select: { settings: true, secrets: true },
  });
  if (!row) throw new MigrationConfigError("This release has no migration settings; configure the migration first");
  let secrets: Record<string, string>;
  try {
    secrets = decryptSecrets(row.secrets);
  } catch (error) {
    if (error instanceof SecretsError) throw new MigrationConfigError(`The migration secrets: ${error.message}`);
    throw error;
  }
  return resolveMigrationConfig(row.settings, secrets);
}
