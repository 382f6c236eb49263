import { z } from "zod";
import { workingHoursSchema } from "./announcements.validation";

// Setting key `announcements`: where a release's announcements go. Mail and
// Slack use the `notifications` setting's SMTP server and webhook unless
// `email.ownSmtp` / `slack.ownWebhook` ask for the secrets `smtpUrl` /
// `slackWebhookUrl` here; `webhookSecret` is the HMAC key that signs what the
// website, social and press webhooks receive.
export const announcementsSettingKey = "announcements";

const webhookUrl = z.url({ protocol: /^https?$/ });

export const announcementsConfigSchema = z
  .strictObject({
    email: z.strictObject({ from: z.email().optional(), ownSmtp: z.boolean().default(false) }).default({ ownSmtp: false }),
    slack: z.strictObject({ ownWebhook: z.boolean().default(false) }).default({ ownWebhook: false }),
    // Used when an email announcement names no recipients of its own.
    recipients: z
      .strictObject({
        internal: z.array(z.email()).max(500).default([]),
        external: z.array(z.email()).max(500).default([]),
      })
      .default({ internal: [], external: [] }),
    webhooks: z
      .strictObject({
        website: webhookUrl.optional(),
        social: webhookUrl.optional(),
        press: webhookUrl.optional(),
      })
      .default({}),
    workingHours: workingHoursSchema.default({ start: "09:00", end: "18:00" }),
  })
  .meta({ id: "AnnouncementsConfig" });

export type AnnouncementsConfig = z.infer<typeof announcementsConfigSchema>;

export const defaultAnnouncementsConfig: AnnouncementsConfig = {
  email: { ownSmtp: false },
  slack: { ownWebhook: false },
  recipients: { internal: [], external: [] },
  webhooks: {},
  workingHours: { start: "09:00", end: "18:00" },
};

// A webhook without a secret would be unsigned; the receiver could not tell
// our announcements from anyone's.
export function announcementSecretFields(config: AnnouncementsConfig): readonly string[] {
  return [
    ...(config.email.ownSmtp ? ["smtpUrl"] : []),
    ...(config.slack.ownWebhook ? ["slackWebhookUrl"] : []),
    ...(Object.values(config.webhooks).some(Boolean) ? ["webhookSecret"] : []),
  ];
}
