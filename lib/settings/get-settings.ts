import { decryptSecrets, SecretsError } from "@/lib/config/secrets";
import { prisma, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { settingDefinition, type SettingKey, type SettingsFor } from "./registry";
import type { SettingView } from "./settings.validation";

export interface ReleaseSettings<K extends SettingKey> {
  settings: SettingsFor<K>;
  secrets: Record<string, string>;
  version: number;
}

export const settingRowSelect = { id: true, settings: true, secrets: true, version: true } as const;
export interface SettingRow {
  id: string;
  settings: unknown;
  secrets: string | null;
  version: number;
}

// Server side only: the settings as their schema reads them, with secrets
// decrypted. Null while nothing is saved (callers apply their default).
export async function getReleaseSettings<K extends SettingKey>(releaseId: string, key: K, db: Tx = prisma): Promise<ReleaseSettings<K> | null> {
  const row = await db.releaseSetting.findUnique({ where: { releaseId_key: { releaseId, key } }, select: settingRowSelect });
  if (!row) return null;
  const parsed = settingDefinition(key).settings.safeParse(row.settings);
  if (!parsed.success) {
    throw new AppError("PRECONDITION_FAILED", `The saved "${key}" settings are no longer valid; open them and save again`, {
      key,
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })),
    });
  }
  try {
    return { settings: parsed.data, secrets: decryptSecrets(row.secrets), version: row.version };
  } catch (error) {
    if (error instanceof SecretsError) throw new AppError("PRECONDITION_FAILED", `The "${key}" secrets: ${error.message}`, { key });
    throw error;
  }
}

// What the API shows: settings and the names of the secrets that are set.
export async function getSettingView(releaseId: string, key: SettingKey): Promise<SettingView> {
  const release = await prisma.release.findUnique({ where: { id: releaseId }, select: { id: true } });
  if (!release) throw new AppError("NOT_FOUND", "Release not found");
  const row = await prisma.releaseSetting.findUnique({ where: { releaseId_key: { releaseId, key } }, select: settingRowSelect });
  return toSettingView(key, row);
}

export function toSettingView(key: SettingKey, row: SettingRow | null): SettingView {
  if (!row) return { key, settings: settingDefinition(key).defaultSettings, secretsSet: [], version: 0 };
  return { key, settings: row.settings, secretsSet: readableSecretNames(row.secrets), version: row.version };
}

// Secrets that cannot be decrypted (NEXTAUTH_SECRET changed) are as good as
// unset: listing none makes the form ask for them again.
export function readableSecretNames(blob: string | null): string[] {
  try {
    return Object.keys(decryptSecrets(blob)).sort();
  } catch (error) {
    if (error instanceof SecretsError) return [];
    throw error;
  }
}
