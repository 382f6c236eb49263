import type { z } from "zod";
import { defaultDriverConfig, driverConfigSchema, driverSecretFields } from "@/lib/drivers/config";
import { cutoverConfigSchema, defaultCutoverConfig } from "@/lib/operations/cutover-config";
import { defaultNotificationsConfig, notificationSecretFields, notificationsConfigSchema } from "@/lib/notifications/config";
import { announcementSecretFields, announcementsConfigSchema, defaultAnnouncementsConfig } from "@/lib/announcements/config";
import { migrationConfigSchema, migrationSecretFields } from "@/lib/operations/migration/config";
import { defaultMetricsConfig, metricsConfigSchema } from "@/lib/metrics/config";
import { validateMetricsConfig } from "@/lib/metrics/validate-config";
import { defaultGuardConfig, guardConfigSchema } from "@/lib/criteria/guard-config";

// Every per-release setting key, with the schema its `settings` must pass and
// the secret fields it needs. One static map: a key's owner adds one line
// here (importing its schema), and the key's settings type follows from it.
// A key that is not here cannot be read or written through the API.
export interface SettingDefinition<S extends z.ZodType> {
  settings: S;
  // Names of the secret values this configuration needs; all must be set.
  secretFields(settings: z.output<S>): readonly string[];
  // What applies while nothing is saved; null when there is no sensible default.
  defaultSettings: z.output<S> | null;
  // Checks that need the outside world (e.g. asking Prometheus to parse a
  // query), run on save after the schema passed; throw AppError to refuse.
  validate?: (settings: z.output<S>, secrets: Record<string, string>) => Promise<void>;
}

function defineSetting<S extends z.ZodType>(definition: SettingDefinition<S>): SettingDefinition<S> {
  return definition;
}

const driverSetting = defineSetting({ settings: driverConfigSchema, secretFields: driverSecretFields, defaultSettings: defaultDriverConfig });

export const settingDefinitions = {
  "driver.production": driverSetting,
  "driver.rehearsal": driverSetting,
  cutover: defineSetting({ settings: cutoverConfigSchema, secretFields: () => [], defaultSettings: defaultCutoverConfig }),
  migration: defineSetting({ settings: migrationConfigSchema, secretFields: () => migrationSecretFields, defaultSettings: null }),
  notifications: defineSetting({ settings: notificationsConfigSchema, secretFields: notificationSecretFields, defaultSettings: defaultNotificationsConfig }),
  announcements: defineSetting({ settings: announcementsConfigSchema, secretFields: announcementSecretFields, defaultSettings: defaultAnnouncementsConfig }),
  metrics: defineSetting({ settings: metricsConfigSchema, secretFields: () => [], defaultSettings: defaultMetricsConfig, validate: validateMetricsConfig }),
  guard: defineSetting({ settings: guardConfigSchema, secretFields: () => [], defaultSettings: defaultGuardConfig }),
};

export type SettingKey = keyof typeof settingDefinitions;
export type SettingsFor<K extends SettingKey> = z.output<(typeof settingDefinitions)[K]["settings"]>;

export const settingKeys = Object.keys(settingDefinitions) as [SettingKey, ...SettingKey[]];

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(settingDefinitions, key);
}

// Indexing the map with a generic key widens to the union of definitions;
// the map's own type guarantees each key sits beside its own schema.
export function settingDefinition<K extends SettingKey>(key: K): SettingDefinition<z.ZodType<SettingsFor<K>>> {
  return settingDefinitions[key] as unknown as SettingDefinition<z.ZodType<SettingsFor<K>>>;
}
