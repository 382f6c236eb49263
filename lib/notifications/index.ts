// Release notifications: `notify` queues in the caller's transaction, the
// worker (`deliverDueNotifications`, lib/workers) sends with retries.
export { notify, notificationsSettingKey, type StoredNotification } from "./notify";
export { deliverDueNotifications, maxDeliveryAttempts, retryDelayMs, type DeliveryReport } from "./deliver";
export {
  defaultNotificationsConfig,
  notificationEvents,
  notificationSecretFields,
  notificationSecretsSchema,
  notificationsConfigSchema,
  type NotificationEvent,
  type NotificationsConfig,
} from "./config";
export type { GateNotice, NotificationPayload, NotificationPayloads, OperationNotice } from "./messages";
