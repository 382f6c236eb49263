import { calendarFeedParams } from "@/lib/calendar/calendar.validation";
import { revokeCalendarFeed } from "@/lib/calendar/feed-tokens";
import { route } from "@/lib/http/handler";

export const DELETE = route({ permission: "release.read", params: calendarFeedParams }, async ({ user, actor, params }) => ({
  feed: await revokeCalendarFeed(actor, user.id, params.feedId),
}));
