import { createHmac } from "node:crypto";
import { prisma } from "@/lib/db/client";
import { attemptDelivery } from "@/lib/notifications/attempt";
import { PermanentDeliveryError, postWebhook, sendMail } from "@/lib/notifications/channels";
import { renderMarkdown } from "./markdown";
import type { AnnouncementTransport } from "./transport";

// Claimed deliveries are pushed this far ahead while being sent, so no other
// worker takes them; if this one dies they come due again.
const claimLeaseMs = 120_000;

export const signatureHeader = "x-launch-control-signature";
export const deliveryHeader = "x-launch-control-delivery";

interface ClaimedDelivery {
  id: string;
  announcementId: string;
  target: string;
  attempts: number;
  idempotencyKey: string;
}

interface Content {
  id: string;
  releaseId: string;
  key: string | null;
  channel: string;
  audience: string;
  locale: string;
  title: string;
  body: string;
  scheduledAt: Date;
}

export interface DeliverContext {
  batchSize: number;
  log(message: string): void;
  transportFor(releaseId: string): Promise<AnnouncementTransport>;
  settle(announcementId: string): Promise<void>;
}

export async function deliverDueAnnouncementDeliveries(now: Date, ctx: DeliverContext): Promise<{ sent: number; retrying: number; failed: number }> {
  const report = { sent: 0, retrying: 0, failed: 0 };
  const claimed = await claimDue(now, ctx.batchSize);
  if (claimed.length === 0) return report;
  const contents = await prisma.announcement.findMany({
    where: { id: { in: [...new Set(claimed.map((row) => row.announcementId))] } },
    select: { id: true, releaseId: true, key: true, channel: true, audience: true, locale: true, title: true, body: true, scheduledAt: true },
  });
  const contentOf = new Map(contents.map((content) => [content.id, content]));

  await Promise.all(
    claimed.map(async (delivery) => {
      const attempts = delivery.attempts + 1;
      const content = contentOf.get(delivery.announcementId);
      await attemptDelivery({
        attempts,
        now,
        what: `announcement delivery ${delivery.idempotencyKey} attempt ${attempts}`,
        report,
        log: ctx.log,
        send: async (useRedactor) => {
          if (!content) throw new PermanentDeliveryError("The announcement no longer exists");
          const transport = await ctx.transportFor(content.releaseId);
          useRedactor(transport.redact);
          await send(delivery, content, transport);
        },
        record: async (data) => {
          await prisma.announcementDelivery.updateMany({ where: { id: delivery.id, status: "pending" }, data });
        },
      });
      await ctx.settle(delivery.announcementId);
    }),
  );
  return report;
}

async function claimDue(now: Date, batchSize: number): Promise<ClaimedDelivery[]> {
  const leaseUntil = new Date(now.getTime() + claimLeaseMs);
  return prisma.$queryRaw<ClaimedDelivery[]>`
    UPDATE "AnnouncementDelivery" SET "nextAttemptAt" = ${leaseUntil}::timestamptz
    WHERE "id" IN (
      SELECT "id" FROM "AnnouncementDelivery"
      WHERE "status" = 'pending' AND "nextAttemptAt" <= ${now}::timestamptz
      ORDER BY "nextAttemptAt"
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "announcementId", "target", "attempts", "idempotencyKey"`;
}

async function send(delivery: ClaimedDelivery, content: Content, transport: AnnouncementTransport): Promise<void> {
  const [kind, rest] = splitTarget(delivery.target);
  if (kind === "email") {
    if (!transport.smtpUrl || !transport.from) throw new PermanentDeliveryError("No SMTP server or sender is configured for announcement mail");
    return sendMail(
      { smtpUrl: transport.smtpUrl, from: transport.from, to: [rest] },
      {
        subject: content.title,
        text: content.body,
        html: `<!doctype html><html lang="${content.locale}"><body>${renderMarkdown(content.body)}</body></html>`,
        headers: { [deliveryHeader]: delivery.idempotencyKey },
        messageId: `<${delivery.idempotencyKey.replace(":", ".").replace("@", "=")}@launch-control>`,
      },
    );
  }
  if (kind === "slack") {
    if (!transport.slackWebhookUrl) throw new PermanentDeliveryError("No Slack webhook is configured");
    return postWebhook(transport.slackWebhookUrl, JSON.stringify({ text: `*${content.title}*\n\n${content.body}` }), { [deliveryHeader]: delivery.idempotencyKey });
  }
  if (kind === "webhook") {
    const url = rest === "website" || rest === "social" || rest === "press" ? transport.config.webhooks[rest] : undefined;
    if (!url || !transport.webhookSecret) throw new PermanentDeliveryError(`No ${rest} webhook URL or secret is configured`);
    const body = JSON.stringify(webhookPayload(delivery, content));
    return postWebhook(url, body, signedHeaders(body, transport.webhookSecret, delivery.idempotencyKey));
  }
  throw new PermanentDeliveryError(`Unknown delivery target "${delivery.target}"`);
}

// What the website, social and press systems receive. `deliveryId` is the
// same on every retry, so a receiver can drop a repeat.
export function webhookPayload(delivery: { idempotencyKey: string }, content: Content) {
  return {
    deliveryId: delivery.idempotencyKey,
    announcement: {
      id: content.id,
      releaseId: content.releaseId,
      key: content.key,
      channel: content.channel,
      audience: content.audience,
      locale: content.locale,
      title: content.title,
      markdown: content.body,
      html: renderMarkdown(content.body),
      scheduledAt: content.scheduledAt.toISOString(),
    },
  };
}

// `x-launch-control-signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`:
// the receiver recomputes it with the shared secret and rejects old stamps.
export function signedHeaders(body: string, secret: string, deliveryId: string, at: Date = new Date()): Record<string, string> {
  const timestamp = Math.floor(at.getTime() / 1000);
  const signature = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return { [signatureHeader]: `t=${timestamp},v1=${signature}`, [deliveryHeader]: deliveryId };
}

function splitTarget(target: string): [string, string] {
  const colon = target.indexOf(":");
  return colon === -1 ? [target, ""] : [target.slice(0, colon), target.slice(colon + 1)];
}
