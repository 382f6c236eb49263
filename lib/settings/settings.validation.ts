import { z } from "zod";
import { settingDefinitions, settingKeys } from "./registry";

export const settingParams = z.strictObject({ releaseId: z.uuid(), key: z.enum(settingKeys) });

export const saveSettingBody = z
  .strictObject({
    settings: z.unknown().meta({ description: "Validated by the schema registered for the key (driver.* → DriverConfig)" }),
    secrets: z
      .record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/).max(128), z.string().min(1).max(8192))
      .optional()
      .meta({ description: "Secret values to set; secrets not sent are kept. Never returned." }),
    version: z.int().min(0).optional().meta({ description: "The version you last saw; 0 or absent to create. A stale one gets 409." }),
  })
  .meta({ id: "SaveReleaseSetting" });
export type SaveSettingInput = z.infer<typeof saveSettingBody>;

export const settingViewSchema = z
  .object({
    key: z.enum(settingKeys),
    settings: z.unknown().meta({ description: "The saved settings, or the default (version 0) while none are saved; null without a default" }),
    secretsSet: z.array(z.string()).meta({ description: "Names of the secrets that are set; values are never returned" }),
    version: z.int().meta({ description: "0 while nothing is saved" }),
  })
  .meta({ id: "ReleaseSetting" });
export type SettingView = z.infer<typeof settingViewSchema>;

// For the OpenAPI document: the body with `settings` as any registered shape.
const registeredSchemas = [...new Set(Object.values(settingDefinitions).map((definition) => definition.settings))];
export const saveSettingBodyDocument = saveSettingBody.extend({
  settings: z.union(registeredSchemas).meta({ description: "The shape registered for the key in the path" }),
});
