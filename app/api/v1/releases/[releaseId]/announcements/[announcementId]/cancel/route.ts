import { announcementActionBody, announcementParams } from "@/lib/announcements/announcements.validation";
import { controlAnnouncement } from "@/lib/announcements/control-announcement";
import { route } from "@/lib/http/handler";

export const POST = route({ permission: "announcement.edit_internal", params: announcementParams, body: announcementActionBody }, async ({ user, actor, params, body }) => ({
  announcement: await controlAnnouncement(actor, user, params.releaseId, params.announcementId, "cancel", body),
}));
