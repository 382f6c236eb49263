import { z } from "zod";
import { isoDateTime } from "@/lib/http/common.validation";

export const calendarLanguageQuery = z.strictObject({
  lang: z.enum(["ko", "en"]).default("en").meta({ description: "Language of phase titles and labels; announcements keep their own" }),
});

export const feedTokenParams = z.strictObject({
  // The path ends in ".ics" so calendar apps recognise the feed.
  token: z
    .string()
    .regex(/^lcf_[A-Za-z0-9_-]{43}\.ics$/)
    .transform((value) => value.slice(0, -".ics".length)),
});

export const createCalendarFeedBody = z.strictObject({
  releaseId: z.uuid().meta({ description: "The release whose calendar the feed shows" }),
});

export const listCalendarFeedsQuery = z.strictObject({ releaseId: z.uuid().optional() });

export const calendarFeedParams = z.strictObject({ feedId: z.uuid() });

export const calendarFeedSchema = z
  .object({
    id: z.uuid(),
    releaseId: z.uuid().nullable(),
    createdAt: isoDateTime,
    revokedAt: isoDateTime.nullable(),
  })
  .meta({ id: "CalendarFeed" });
export type CalendarFeedDto = z.infer<typeof calendarFeedSchema>;

export const calendarFeedListResponse = z.object({ feeds: z.array(calendarFeedSchema) });
export const createCalendarFeedResponse = z.object({
  feed: calendarFeedSchema,
  url: z.string().meta({ description: "The secret feed URL, shown once; subscribe to it in Google Calendar or Outlook" }),
});
