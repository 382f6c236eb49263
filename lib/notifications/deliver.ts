import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { getReleaseSettings } from "@/lib/settings/get-settings";
import { attemptDelivery, type DeliveryReport } from "./attempt";
import { PermanentDeliveryError, sendEmail, sendSlack } from "./channels";
import type { NotificationsConfig } from "./config";

export { maxDeliveryAttempts, retryDelayMs, type DeliveryReport } from "./attempt";
// Claimed rows are pushed this far into the future while being sent, so no
// other worker picks them up; if this worker dies, they come due again. Far
// longer than one send may take (sends of a batch run side by side).
const claimLeaseMs = 120_000;

export interface DeliverOptions {
  batchSize?: number;
  log?: (message: string) => void;
}

interface ClaimedRow {
  id: string;
  releaseId: string;
  channel: string;
  target: string;
  event: string;
  payload: unknown;
  attempts: number;
}

const storedMessage = z.object({ message: z.object({ subject: z.string(), en: z.string(), ko: z.string() }) });

// One pass of the notification worker: claims due pending deliveries with
// FOR UPDATE SKIP LOCKED (so concurrent workers never take the same row),
// sends them, and records each outcome. A failure is retried with
// exponential backoff up to maxDeliveryAttempts, then marked failed with its
// last error; it never reaches the operation that caused it.
export async function deliverDueNotifications(now: Date = new Date(), opts: DeliverOptions = {}): Promise<DeliveryReport> {
  const log = opts.log ?? ((message: string) => console.warn(message));
  const rows = await claimDue(now, opts.batchSize ?? 10);
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  if (rows.length === 0) return report;

  const channelSettings = new Map<string, Promise<ChannelSettings>>();
  const settingsFor = (releaseId: string) => {
    let settings = channelSettings.get(releaseId);
    if (!settings) channelSettings.set(releaseId, (settings = loadChannelSettings(releaseId)));
    return settings;
  };

  await Promise.all(
    rows.map(async (row) => {
      const attempts = row.attempts + 1;
      await attemptDelivery({
        attempts,
        now,
        what: `notification ${row.id} (${row.event} by ${row.channel}) attempt ${attempts}`,
        report,
        log,
        send: async (useRedactor) => {
          const settings = await settingsFor(row.releaseId);
          useRedactor(settings.redact);
          await send(row, settings);
        },
        record: async (data) => {
          await prisma.notificationDelivery.updateMany({ where: { id: row.id, status: "pending" }, data });
        },
      });
    }),
  );
  return report;
}

async function claimDue(now: Date, batchSize: number): Promise<ClaimedRow[]> {
  const leaseUntil = new Date(now.getTime() + claimLeaseMs);
  return prisma.$queryRaw<ClaimedRow[]>`
    UPDATE "NotificationDelivery" SET "nextAttemptAt" = ${leaseUntil}::timestamptz
    WHERE "id" IN (
      SELECT "id" FROM "NotificationDelivery"
      WHERE "status" = 'pending' AND "nextAttemptAt" <= ${now}::timestamptz
      ORDER BY "nextAttemptAt"
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "releaseId", "channel", "target", "event", "payload", "attempts"`;
}

async function send(row: ClaimedRow, settings: ChannelSettings): Promise<void> {
  const stored = storedMessage.safeParse(row.payload);
  if (!stored.success) throw new PermanentDeliveryError("The queued notification has no message to send");
  const { message } = stored.data;
  if (row.channel === "slack") return sendSlack(settings.secrets.slackWebhookUrl, message);
  if (row.channel === "email") {
    const to = row.target.split(",").map((address) => address.trim()).filter(Boolean);
    return sendEmail({ smtpUrl: settings.secrets.smtpUrl, from: settings.config?.email.from, to }, message);
  }
  throw new PermanentDeliveryError(`Unknown notification channel "${row.channel}"`);
}

interface ChannelSettings {
  config: NotificationsConfig | null;
  secrets: { slackWebhookUrl?: string; smtpUrl?: string };
  // Secret values (the webhook URL is a credential; the SMTP URL has a
  // password) replaced wherever an error message repeats them.
  redact(text: string): string;
}

// Read when sending, not when queueing: a corrected URL or password fixes the
// deliveries still waiting for a retry. Settings that cannot be read fail
// each delivery with the reason (retried: someone may fix them meanwhile).
async function loadChannelSettings(releaseId: string): Promise<ChannelSettings> {
  const saved = await getReleaseSettings(releaseId, "notifications");
  const secrets = saved?.secrets ?? {};
  const values = [secrets.slackWebhookUrl, secrets.smtpUrl, passwordOf(secrets.smtpUrl)].filter((value): value is string => !!value && value.length >= 3);
  return {
    config: saved?.settings ?? null,
    secrets: { slackWebhookUrl: secrets.slackWebhookUrl, smtpUrl: secrets.smtpUrl },
    redact: (text) => values.reduce((out, value) => out.replaceAll(value, "***"), text),
  };
}

function passwordOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return decodeURIComponent(new URL(url).password) || undefined;
  } catch {
    return undefined;
  }
}
