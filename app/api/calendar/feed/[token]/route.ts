import { buildReleaseCalendar, icsResponse } from "@/lib/calendar/build-ics";
import { calendarLanguageQuery, feedTokenParams } from "@/lib/calendar/calendar.validation";
import { resolveCalendarFeed } from "@/lib/calendar/feed-tokens";
import { route } from "@/lib/http/handler";

// Calendar apps cannot sign in: the secret in the path is the credential.
export const GET = route({ public: true, params: feedTokenParams, query: calendarLanguageQuery }, async ({ params, query }) => {
  const { releaseId } = await resolveCalendarFeed(params.token);
  const { ics, filename } = await buildReleaseCalendar(releaseId, query.lang);
  return icsResponse(ics, filename, "inline");
});
