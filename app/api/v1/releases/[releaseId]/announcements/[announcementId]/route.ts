import { announcementBodyLimitBytes, announcementParams, updateAnnouncementBody } from "@/lib/announcements/announcements.validation";
import { updateAnnouncement } from "@/lib/announcements/update-announcement";
import { route } from "@/lib/http/handler";

// Engineers get past the route check; updateAnnouncement refuses them external ones.
export const PATCH = route(
  { permission: "announcement.edit_internal", params: announcementParams, body: updateAnnouncementBody, maxBodyBytes: announcementBodyLimitBytes },
  async ({ user, actor, params, body }) => ({ announcement: await updateAnnouncement(actor, user, params.releaseId, params.announcementId, body) }),
);
