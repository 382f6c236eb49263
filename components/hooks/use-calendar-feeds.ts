"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CalendarFeedDto } from "@/lib/calendar/calendar.validation";
import { api } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";

export type { CalendarFeedDto };

export function useCalendarFeeds(releaseId: string) {
  return useQuery({
    queryKey: queryKeys.calendarFeeds(releaseId),
    queryFn: ({ signal }) => api<{ feeds: CalendarFeedDto[] }>(`/api/v1/me/calendar-feeds?releaseId=${encodeURIComponent(releaseId)}`, { signal }),
    select: (data) => data.feeds,
  });
}

// The URL comes back once; the caller shows it until the panel closes.
export function useCreateCalendarFeed(releaseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ feed: CalendarFeedDto; url: string }>("/api/v1/me/calendar-feeds", { method: "POST", body: { releaseId } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.calendarFeeds(releaseId) }),
  });
}

export function useRevokeCalendarFeed(releaseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (feedId: string) => api<{ feed: CalendarFeedDto }>(`/api/v1/me/calendar-feeds/${encodeURIComponent(feedId)}`, { method: "DELETE" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.calendarFeeds(releaseId) }),
  });
}
