import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { notificationsConfigSchema, notificationsSettingKey } from "@/lib/notifications";

export interface OwnerNotice {
  releaseId: string;
  announcementId: string;
  title: string;
  channel: string;
  locale: string;
  owner: { name: string; email: string } | null;
  outcome: "held" | "failed";
  reason: string;
}

// Tells the owner that an announcement did not go out, through the release's
// notification channels: mail to the owner (not the usual list), and the
// team's Slack naming them. Queued in the caller's transaction and sent by
// the notification worker; without notification settings the audit event
// (live in every browser) is the only notice.
export async function tellOwner(tx: Tx, notice: OwnerNotice): Promise<number> {
  const row = await tx.releaseSetting.findUnique({
    where: { releaseId_key: { releaseId: notice.releaseId, key: notificationsSettingKey } },
    select: { settings: true },
  });
  const parsed = row ? notificationsConfigSchema.safeParse(row.settings) : null;
  if (!parsed?.success) return 0;
  const config = parsed.data;
  const release = await tx.release.findUniqueOrThrow({ where: { id: notice.releaseId }, select: { version: true } });
  const payload = JSON.parse(JSON.stringify({ message: render(notice, release.version), data: { announcementId: notice.announcementId, outcome: notice.outcome, reason: notice.reason } })) as Prisma.InputJsonValue;
  const event = `announcement.${notice.outcome}`;
  const targets = [
    ...(config.email.enabled && notice.owner ? [{ channel: "email", target: notice.owner.email }] : []),
    ...(config.slack.enabled ? [{ channel: "slack", target: "webhook" }] : []),
  ];
  if (targets.length === 0) return 0;
  const { count } = await tx.notificationDelivery.createMany({
    data: targets.map(({ channel, target }) => ({ releaseId: notice.releaseId, channel, target, event, payload })),
  });
  return count;
}

function render(notice: OwnerNotice, version: string): { subject: string; en: string; ko: string } {
  const who = notice.owner ? ` (owner: ${notice.owner.name})` : "";
  const whoKo = notice.owner ? ` (담당: ${notice.owner.name})` : "";
  if (notice.outcome === "held") {
    return {
      subject: `[${version}] Announcement held: ${notice.title}`,
      en: `⏸️ The announcement "${notice.title}" (${notice.channel}, ${notice.locale})${who} was held and not sent: ${notice.reason}. Open the launch calendar to reschedule, edit or send it.`,
      ko: `⏸️ 공지 "${notice.title}"(${notice.channel}, ${notice.locale})${whoKo}이(가) 발송되지 않고 보류되었습니다: ${notice.reason}. 출시 캘린더에서 일정을 바꾸거나 수정하거나 바로 발송하세요.`,
    };
  }
  return {
    subject: `[${version}] Announcement failed: ${notice.title}`,
    en: `❌ The announcement "${notice.title}" (${notice.channel}, ${notice.locale})${who} could not be delivered: ${notice.reason}. Open the launch calendar to see each delivery and send it again.`,
    ko: `❌ 공지 "${notice.title}"(${notice.channel}, ${notice.locale})${whoKo}을(를) 전달하지 못했습니다: ${notice.reason}. 출시 캘린더에서 전달 내역을 확인하고 다시 발송하세요.`,
  };
}
