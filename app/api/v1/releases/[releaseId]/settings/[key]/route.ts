import { route } from "@/lib/http/handler";
import { getSettingView } from "@/lib/settings/get-settings";
import { saveReleaseSettings } from "@/lib/settings/save-settings";
import { saveSettingBody, settingParams } from "@/lib/settings/settings.validation";

export const GET = route({ permission: "settings.read", params: settingParams }, async ({ params }) => getSettingView(params.releaseId, params.key));

export const PUT = route(
  { permission: "settings.update", params: settingParams, body: saveSettingBody },
  async ({ actor, params, body }) => saveReleaseSettings(actor, params.releaseId, params.key, body),
);
