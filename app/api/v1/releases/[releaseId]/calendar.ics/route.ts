import { buildReleaseCalendar, icsResponse } from "@/lib/calendar/build-ics";
import { calendarLanguageQuery } from "@/lib/calendar/calendar.validation";
import { releaseParams } from "@/lib/http/common.validation";
import { route } from "@/lib/http/handler";

// A one-off download of the release's calendar, for importing into any calendar app.
export const GET = route({ permission: "release.read", params: releaseParams, query: calendarLanguageQuery }, async ({ params, query }) => {
  const { ics, filename } = await buildReleaseCalendar(params.releaseId, query.lang);
  return icsResponse(ics, filename, "attachment");
});
