import { randomUUID } from "node:crypto";
import { mutate, type Actor } from "@/lib/audit/mutate";
import { decryptSecrets, encryptSecrets, SecretsError } from "@/lib/config/secrets";
import { prisma, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { zodIssues, type IssueDetail } from "@/lib/http/respond";
import { readableSecretNames, settingRowSelect, toSettingView, type SettingRow } from "./get-settings";
import { settingDefinition, type SettingKey } from "./registry";
import type { SaveSettingInput, SettingView } from "./settings.validation";

// Validates `settings` with the key's schema, merges the secrets (those not
// resent are kept; those the new settings no longer name are dropped), and
// writes under optimistic concurrency: `version` must be the one the caller
// saw (0 or absent to create). The audit event names changed secrets, never
// their values.
export async function saveReleaseSettings(actor: Actor, releaseId: string, key: SettingKey, input: SaveSettingInput): Promise<SettingView> {
  const definition = settingDefinition(key);
  const parsed = definition.settings.safeParse(input.settings);
  if (!parsed.success) throw invalid(zodIssues(parsed.error).map((issue) => ({ ...issue, path: ["settings", ...issue.path] })));
  const settings = parsed.data;
  const secretFields = definition.secretFields(settings);

  const sent = input.secrets ?? {};
  const unknownSecrets = Object.keys(sent).filter((name) => !secretFields.includes(name));
  if (unknownSecrets.length) {
    const expected = secretFields.length ? `this configuration takes: ${secretFields.join(", ")}` : "this configuration takes no secrets";
    throw invalid(unknownSecrets.map((name) => ({ path: ["secrets", name], message: `Not a secret of this configuration; ${expected}`, code: "unrecognized_keys" })));
  }

  if (definition.validate) {
    // Before the transaction: the check may call out (Prometheus) and must not
    // hold a connection or the release's lock meanwhile. The version check
    // inside still refuses a save raced by another.
    const stored = await readRow(prisma, releaseId, key);
    await definition.validate(settings, mergeSecrets(stored?.secrets ?? null, sent, secretFields));
  }

  return mutate(actor, async ({ tx, audit }) => {
    await assertRelease(tx, releaseId);
    const current = await readRow(tx, releaseId, key);
    const expectedVersion = input.version ?? 0;
    if ((current?.version ?? 0) !== expectedVersion) throw conflict(key, current);

    const secrets = mergeSecrets(current?.secrets ?? null, sent, secretFields);
    const missing = secretFields.filter((name) => secrets[name] === undefined);
    if (missing.length) throw invalid(missing.map((name) => ({ path: ["secrets", name], message: "Required: this secret is not set yet", code: "invalid_type" })));
    const blob = Object.keys(secrets).length ? encryptSecrets(secrets) : null;
    const json = settings as Prisma.InputJsonValue;

    if (!current) {
      // Two first saves at once: the unique (releaseId, key) lets one in; the
      // other inserts nothing and gets the same 409 as a stale version.
      const { count } = await tx.releaseSetting.createMany({
        data: [{ id: randomUUID(), releaseId, key, settings: json, secrets: blob }],
        skipDuplicates: true,
      });
      if (count === 0) throw conflict(key, await readRow(tx, releaseId, key));
    } else {
      const { count } = await tx.releaseSetting.updateMany({
        where: { releaseId, key, version: expectedVersion },
        data: { settings: json, secrets: blob, version: { increment: 1 } },
      });
      if (count === 0) throw conflict(key, await readRow(tx, releaseId, key));
    }
    const written = await readRow(tx, releaseId, key);
    if (!written) throw new Error("The setting vanished inside its own transaction");

    const view = toSettingView(key, written);
    await audit({
      releaseId,
      action: "settings.updated",
      subjectType: "ReleaseSetting",
      subjectId: written.id,
      before: current ? { key, settings: current.settings, secretsSet: readableSecretNames(current.secrets), version: current.version } : null,
      after: { key, settings, secretsSet: view.secretsSet, secretsChanged: Object.keys(sent).sort(), version: written.version },
      live: { setting: view },
    });
    return view;
  });
}

// Kept secrets are only those the new settings still name. Secrets sealed
// with another NEXTAUTH_SECRET count as unset, so re-entering them recovers.
function mergeSecrets(blob: string | null, sent: Record<string, string>, fields: readonly string[]): Record<string, string> {
  let stored: Record<string, string> = {};
  try {
    stored = decryptSecrets(blob);
  } catch (error) {
    if (!(error instanceof SecretsError)) throw error;
  }
  const merged: Record<string, string> = {};
  for (const name of fields) {
    const value = sent[name] ?? stored[name];
    if (value !== undefined) merged[name] = value;
  }
  return merged;
}

async function assertRelease(tx: Tx, releaseId: string): Promise<void> {
  const release = await tx.release.findUnique({ where: { id: releaseId }, select: { id: true } });
  if (!release) throw new AppError("NOT_FOUND", "Release not found");
}

function readRow(tx: Tx, releaseId: string, key: SettingKey): Promise<SettingRow | null> {
  return tx.releaseSetting.findUnique({ where: { releaseId_key: { releaseId, key } }, select: settingRowSelect });
}

function invalid(issues: IssueDetail[]): AppError {
  return new AppError("VALIDATION_FAILED", "Invalid settings", issues);
}

function conflict(key: SettingKey, current: SettingRow | null): AppError {
  return new AppError("VERSION_CONFLICT", "These settings changed since you read them; review the current ones and try again", {
    current: toSettingView(key, current),
  });
}
