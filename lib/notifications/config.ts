import { z } from "zod";

// Setting key `notifications`: which channels a release notifies and about
// what. The Slack webhook URL (itself a credential) and the SMTP URL (with its
// password) are secrets, stored encrypted beside these settings.

export const notificationEvents = [
  "gate.requested",
  "gate.decided",
  "operation.started",
  "operation.succeeded",
  "operation.failed",
  "operation.needs_attention",
  "operation.aborted",
  // A scheduled operation that did not start (its gate no longer approved).
  "operation.cancelled",
  "rollback.started",
  // A rollback criterion breached while the rollback guard watched.
  "guard.breached",
] as const;
export type NotificationEvent = (typeof notificationEvents)[number];

export function isNotificationEvent(event: string): event is NotificationEvent {
  return (notificationEvents as readonly string[]).includes(event);
}

export const notificationChannels = ["slack", "email"] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

export const notificationsConfigSchema = z
  .strictObject({
    slack: z.strictObject({ enabled: z.boolean() }).default({ enabled: false }),
    email: z
      .strictObject({
        enabled: z.boolean(),
        from: z.email().optional(),
        to: z.array(z.email()).max(50).default([]),
      })
      .default({ enabled: false, to: [] }),
    events: z.array(z.enum(notificationEvents)).default([...notificationEvents]),
  })
  .superRefine((config, ctx) => {
    if (config.email.enabled && !config.email.from) {
      ctx.addIssue({ code: "custom", path: ["email", "from"], message: "Email notifications need a sender address" });
    }
    if (config.email.enabled && config.email.to.length === 0) {
      ctx.addIssue({ code: "custom", path: ["email", "to"], message: "Email notifications need at least one recipient" });
    }
  })
  .meta({ id: "NotificationsConfig" });

export type NotificationsConfig = z.infer<typeof notificationsConfigSchema>;

export const defaultNotificationsConfig: NotificationsConfig = {
  slack: { enabled: false },
  email: { enabled: false, to: [] },
  events: [...notificationEvents],
};

// The secrets an enabled channel needs (the settings registry asks for them).
export function notificationSecretFields(config: NotificationsConfig): readonly string[] {
  return [...(config.slack.enabled ? ["slackWebhookUrl"] : []), ...(config.email.enabled ? ["smtpUrl"] : [])];
}

export const notificationSecretsSchema = z.strictObject({
  slackWebhookUrl: z.url({ protocol: /^https?$/ }).optional(),
  smtpUrl: z.url({ protocol: /^smtps?$/ }).optional(),
});
