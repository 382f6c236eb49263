import { isAppError } from "@/lib/errors";
import { getReleaseSettings } from "@/lib/settings/get-settings";
import { MigrationConfigError, resolveMigrationConfig, type ResolvedMigrationConfig } from "./config";

export const migrationSettingKey = "migration";

// The release's `migration` setting with its secret, validated, read when a
// step runs so a corrected setting applies to the next attempt.
export async function loadMigrationConfig(releaseId: string): Promise<ResolvedMigrationConfig> {
  let saved;
  try {
    saved = await getReleaseSettings(releaseId, migrationSettingKey);
  } catch (error) {
    // Settings that no longer validate, secrets sealed with another key.
    if (isAppError(error)) throw new MigrationConfigError(error.message);
    throw error;
  }
  if (!saved) throw new MigrationConfigError("This release has no migration settings; configure the migration first");
  return resolveMigrationConfig(saved.settings, saved.secrets);
}
