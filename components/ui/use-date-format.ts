"use client";

import { useFormatter } from "next-intl";

// Times arrive as ISO UTC strings; they are shown in the viewer's zone (from
// next-intl's request config) unless a zone is given.
export function useDateFormat() {
  const format = useFormatter();
  return {
    dateTime: (iso: string, timeZone?: string) =>
      format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short", timeZone }),
    // "Jul 1, 2025, 03:00 – 09:00 GMT+9": a window, with its zone named.
    range: (startIso: string, endIso: string, timeZone?: string) =>
      format.dateTimeRange(new Date(startIso), new Date(endIso), {
        year: "numeric",
        month: "short",
        day: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        timeZoneName: "short",
        timeZone,
      }),
    shortDateTime: (iso: string) =>
      format.dateTime(new Date(iso), { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" }),
    date: (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium" }),
  };
}
