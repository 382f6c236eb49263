import { createAnnouncement } from "@/lib/announcements/create-announcement";
import { announcementBodyLimitBytes, createAnnouncementBody, listAnnouncementsQuery } from "@/lib/announcements/announcements.validation";
import { listAnnouncements } from "@/lib/announcements/list-announcements";
import { releaseParams } from "@/lib/http/common.validation";
import { route } from "@/lib/http/handler";
import { json } from "@/lib/http/respond";

export const GET = route({ permission: "release.read", params: releaseParams, query: listAnnouncementsQuery }, async ({ params, query }) =>
  listAnnouncements(params.releaseId, query),
);

// Engineers get past the route check; createAnnouncement refuses them external ones.
export const POST = route(
  { permission: "announcement.edit_internal", params: releaseParams, body: createAnnouncementBody, maxBodyBytes: announcementBodyLimitBytes },
  async ({ user, actor, params, body }) => json({ announcement: await createAnnouncement(actor, user, params.releaseId, body) }, 201),
);
