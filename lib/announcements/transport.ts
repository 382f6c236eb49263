import { isAppError } from "@/lib/errors";
import { getReleaseSettings } from "@/lib/settings/get-settings";
import type { AnnouncementAudience, AnnouncementChannel } from "./announcements.validation";
import { defaultAnnouncementsConfig, type AnnouncementsConfig } from "./config";

// Where a release's announcements go, read when they are sent (not when they
// are scheduled): a corrected address or password fixes what is waiting.
export interface AnnouncementTransport {
  config: AnnouncementsConfig;
  smtpUrl?: string;
  from?: string;
  slackWebhookUrl?: string;
  webhookSecret?: string;
  // Secret values replaced wherever an error message repeats them.
  redact(text: string): string;
}

export async function loadTransport(releaseId: string): Promise<AnnouncementTransport> {
  const [own, notifications] = await Promise.all([getReleaseSettings(releaseId, "announcements"), getReleaseSettings(releaseId, "notifications")]);
  const config = own?.settings ?? defaultAnnouncementsConfig;
  const ownSecrets = own?.secrets ?? {};
  const shared = notifications?.secrets ?? {};
  const smtpUrl = config.email.ownSmtp ? ownSecrets.smtpUrl : shared.smtpUrl;
  const slackWebhookUrl = config.slack.ownWebhook ? ownSecrets.slackWebhookUrl : shared.slackWebhookUrl;
  const webhookSecret = ownSecrets.webhookSecret;
  const secrets = [smtpUrl, slackWebhookUrl, webhookSecret, passwordOf(smtpUrl)].filter((value): value is string => !!value && value.length >= 3);
  return {
    config,
    smtpUrl,
    from: config.email.from ?? notifications?.settings.email.from,
    slackWebhookUrl,
    webhookSecret,
    redact: (text) => secrets.reduce((out, value) => out.replaceAll(value, "***"), text),
  };
}

export type TargetPlan = { targets: string[] } | { problem: string };

// The delivery targets of one announcement, or why it cannot go out yet.
// Mail goes to each recipient on its own: external lists must not see each
// other, and one bad address must not hold back the rest.
export function planTargets(
  transport: AnnouncementTransport,
  announcement: { channel: AnnouncementChannel; audience: AnnouncementAudience; recipients: string[] },
): TargetPlan {
  const { channel } = announcement;
  if (channel === "email" || channel === "internal_meeting") {
    const recipients = announcement.recipients.length > 0 ? announcement.recipients : transport.config.recipients[announcement.audience];
    if (recipients.length === 0) {
      // A meeting without invitees is only a calendar entry.
      if (channel === "internal_meeting") return { targets: [] };
      return { problem: `No recipients: add them to the announcement or to the ${announcement.audience} list of the announcements setting` };
    }
    if (!transport.smtpUrl) return { problem: "No SMTP server is configured (notifications setting, or the announcements setting with its own SMTP)" };
    if (!transport.from) return { problem: "No sender address is configured for announcement mail" };
    return { targets: [...new Set(recipients.map((address) => address.toLowerCase()))].map((address) => `email:${address}`) };
  }
  if (channel === "slack") {
    if (!transport.slackWebhookUrl) return { problem: "No Slack webhook is configured (notifications setting, or the announcements setting with its own webhook)" };
    return { targets: ["slack"] };
  }
  if (!transport.config.webhooks[channel]) return { problem: `No ${channel} webhook URL is set in the announcements setting` };
  if (!transport.webhookSecret) return { problem: "The announcements setting has no webhook secret to sign with" };
  return { targets: [`webhook:${channel}`] };
}

// Saved settings that no longer validate (or secrets that cannot be
// decrypted) are a reason to hold, with the message saying which.
export function settingsProblem(error: unknown): string | null {
  return isAppError(error) ? error.message : null;
}

function passwordOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return decodeURIComponent(new URL(url).password) || undefined;
  } catch {
    return undefined;
  }
}
