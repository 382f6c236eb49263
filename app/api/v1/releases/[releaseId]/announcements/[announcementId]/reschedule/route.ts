import { announcementParams, rescheduleAnnouncementBody } from "@/lib/announcements/announcements.validation";
import { rescheduleAnnouncement } from "@/lib/announcements/update-announcement";
import { route } from "@/lib/http/handler";

export const POST = route({ permission: "announcement.edit_internal", params: announcementParams, body: rescheduleAnnouncementBody }, async ({ user, actor, params, body }) => ({
  announcement: await rescheduleAnnouncement(actor, user, params.releaseId, params.announcementId, body),
}));
