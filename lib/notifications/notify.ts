import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { notificationsConfigSchema, type NotificationChannel, type NotificationEvent } from "./config";
import { renderMessage, type NotificationMessage, type NotificationPayloads } from "./messages";

export const notificationsSettingKey = "notifications";

// A delivery row's `payload`: the message as rendered when the event
// happened, and the event's data (`data.operationId` finds an operation's).
export interface StoredNotification<E extends NotificationEvent = NotificationEvent> {
  message: NotificationMessage;
  data: NotificationPayloads[E];
}

// Queues one delivery per enabled channel in the caller's transaction, so a
// notification exists exactly when the change it reports commits. Sending is
// the worker's job (deliverDueNotifications); nothing here waits on a network.
// A release without notification settings, with settings that no longer
// validate, or an event nobody subscribed to gets none — a notification must
// never fail the change itself. Returns how many deliveries were queued.
export async function notify<E extends NotificationEvent>(tx: Tx, releaseId: string, event: E, payload: NotificationPayloads[E]): Promise<number> {
  const row = await tx.releaseSetting.findUnique({
    where: { releaseId_key: { releaseId, key: notificationsSettingKey } },
    select: { settings: true },
  });
  if (!row) return 0;
  const parsed = notificationsConfigSchema.safeParse(row.settings);
  if (!parsed.success) {
    console.warn(`[launch-control] release ${releaseId} has invalid notification settings; "${event}" not queued`);
    return 0;
  }
  const config = parsed.data;
  if (!config.events.includes(event)) return 0;

  const targets: { channel: NotificationChannel; target: string }[] = [];
  if (config.slack.enabled) targets.push({ channel: "slack", target: "webhook" });
  if (config.email.enabled && config.email.to.length > 0) targets.push({ channel: "email", target: config.email.to.join(", ") });
  if (targets.length === 0) return 0;

  const release = await tx.release.findUnique({ where: { id: releaseId }, select: { version: true, nameEn: true, nameKo: true } });
  if (!release) return 0;
  const stored: StoredNotification<E> = { message: renderMessage(event, payload, release), data: payload };
  const json = JSON.parse(JSON.stringify(stored)) as Prisma.InputJsonValue;
  const { count } = await tx.notificationDelivery.createMany({
    data: targets.map(({ channel, target }) => ({ releaseId, channel, target, event, payload: json })),
  });
  return count;
}
