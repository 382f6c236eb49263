import { createCalendarFeedBody, listCalendarFeedsQuery } from "@/lib/calendar/calendar.validation";
import { createCalendarFeed, listCalendarFeeds } from "@/lib/calendar/feed-tokens";
import { route } from "@/lib/http/handler";
import { json } from "@/lib/http/respond";

export const GET = route({ permission: "release.read", query: listCalendarFeedsQuery }, async ({ user, query }) => ({
  feeds: await listCalendarFeeds(user.id, query.releaseId),
}));

// The URL carries the secret and is shown once, here; only its hash is stored.
export const POST = route({ permission: "release.read", body: createCalendarFeedBody }, async ({ req, user, actor, body }) => {
  const { feed, secret } = await createCalendarFeed(actor, user.id, body.releaseId);
  const base = process.env.NEXTAUTH_URL ?? new URL(req.url).origin;
  return json({ feed, url: new URL(`/api/calendar/feed/${secret}.ics`, base).toString() }, 201);
});
