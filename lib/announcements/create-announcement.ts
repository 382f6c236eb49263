import { mutate, type Actor } from "@/lib/audit/mutate";
import type { AuthUser } from "@/lib/auth/session";
import { readReleaseFrame } from "./announcement-context";
import { announcementSelect } from "./announcement-dto";
import { announcementDto, assertActiveOwner } from "./announcement-write";
import type { AnnouncementDto, CreateAnnouncementInput } from "./announcements.validation";
import { assertMayEdit } from "./access";
import { assertAnnouncementValid } from "./validate-announcement";

export async function createAnnouncement(actor: Actor, user: AuthUser, releaseId: string, input: CreateAnnouncementInput): Promise<AnnouncementDto> {
  assertMayEdit(user, input.audience);
  return mutate(actor, async ({ tx, audit }) => {
    const release = await readReleaseFrame(tx, releaseId);
    const scheduledAt = new Date(input.scheduledAt);
    assertAnnouncementValid({ channel: input.channel, body: input.body, scheduledAt, recipients: input.recipients }, release);
    // Whoever plans it answers for it unless they name someone else.
    const ownerId = input.ownerId === undefined ? user.id : input.ownerId;
    await assertActiveOwner(tx, ownerId);
    const row = await tx.announcement.create({
      data: {
        releaseId,
        channel: input.channel,
        audience: input.audience,
        locale: input.locale,
        title: input.title,
        body: input.body,
        scheduledAt,
        ownerId,
        status: input.status,
        condition: input.condition ?? null,
        phaseKey: input.phaseKey ?? null,
        recipients: input.recipients,
      },
      select: announcementSelect,
    });
    const announcement = await announcementDto(tx, row);
    await audit({
      releaseId,
      action: "announcement.created",
      subjectType: "Announcement",
      subjectId: row.id,
      after: { title: row.title, channel: row.channel, audience: row.audience, locale: row.locale, scheduledAt: announcement.scheduledAt, status: row.status },
    });
    return announcement;
  });
}
