"use client";

import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import type {
  AnnouncementDto,
  AnnouncementListDto,
  CreateAnnouncementInput,
  UpdateAnnouncementInput,
} from "@/lib/announcements/announcements.validation";
import { conflictsFor, type ConflictContext } from "@/lib/announcements/conflicts";
import { api, isApiError } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";

export type { AnnouncementDto, AnnouncementListDto };

const base = (releaseId: string) => `/api/v1/releases/${encodeURIComponent(releaseId)}/announcements`;

export function useAnnouncements(releaseId: string) {
  return useQuery({
    queryKey: queryKeys.announcements(releaseId),
    queryFn: ({ signal }) => api<AnnouncementListDto>(base(releaseId), { signal }),
  });
}

// Puts a server copy into the cached calendar; an older copy (a late echo of
// our own write) never replaces a newer one.
function applyAnnouncement(queryClient: QueryClient, releaseId: string, announcement: AnnouncementDto, force = false) {
  queryClient.setQueryData<AnnouncementListDto>(queryKeys.announcements(releaseId), (list) => {
    if (!list) return list;
    const exists = list.announcements.some((cached) => cached.id === announcement.id);
    const announcements = exists
      ? list.announcements.map((cached) => (cached.id === announcement.id && (force || announcement.version >= cached.version) ? announcement : cached))
      : [...list.announcements, announcement];
    return { ...list, announcements };
  });
}

function refresh(queryClient: QueryClient, releaseId: string) {
  // Conflicts of the others may have changed with this one.
  void queryClient.invalidateQueries({ queryKey: queryKeys.announcements(releaseId) });
  void queryClient.invalidateQueries({ queryKey: [...queryKeys.release(releaseId), "audit"] });
}

export interface AnnouncementHandlers {
  // Someone changed it first; the current copy is already in the cache.
  onConflict?: (current: AnnouncementDto) => void;
  onFailure?: (error: unknown) => void;
}

export function useRescheduleAnnouncement(releaseId: string, handlers: AnnouncementHandlers = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ announcement, scheduledAt }: { announcement: AnnouncementDto; scheduledAt: string }) =>
      api<{ announcement: AnnouncementDto }>(`${base(releaseId)}/${encodeURIComponent(announcement.id)}/reschedule`, {
        method: "POST",
        body: { version: announcement.version, scheduledAt },
      }),
    // The event stays where it was dropped while the server confirms, with
    // its warnings recomputed for the new time.
    onMutate: async ({ announcement, scheduledAt }) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.announcements(releaseId) });
      const snapshot = queryClient.getQueryData<AnnouncementListDto>(queryKeys.announcements(releaseId));
      if (snapshot) {
        const moved = { ...announcement, scheduledAt };
        applyAnnouncement(queryClient, releaseId, { ...moved, conflicts: recomputeConflicts(snapshot, moved) }, true);
      }
      return { snapshot };
    },
    onError: (error, _change, context) => {
      const current = conflictCurrent(error);
      if (current) {
        applyAnnouncement(queryClient, releaseId, current, true);
        handlers.onConflict?.(current);
        return;
      }
      if (context?.snapshot) queryClient.setQueryData(queryKeys.announcements(releaseId), context.snapshot);
      handlers.onFailure?.(error);
    },
    onSuccess: ({ announcement }) => applyAnnouncement(queryClient, releaseId, announcement),
    onSettled: () => refresh(queryClient, releaseId),
  });
}

export type AnnouncementSave =
  | { kind: "create"; input: CreateAnnouncementInput }
  | { kind: "update"; id: string; patch: UpdateAnnouncementInput };

export function useSaveAnnouncement(releaseId: string, handlers: AnnouncementHandlers = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (save: AnnouncementSave) =>
      save.kind === "create"
        ? api<{ announcement: AnnouncementDto }>(base(releaseId), { method: "POST", body: save.input })
        : api<{ announcement: AnnouncementDto }>(`${base(releaseId)}/${encodeURIComponent(save.id)}`, { method: "PATCH", body: save.patch }),
    onError: (error) => {
      const current = conflictCurrent(error);
      if (current) {
        applyAnnouncement(queryClient, releaseId, current, true);
        handlers.onConflict?.(current);
      }
    },
    onSuccess: ({ announcement }) => applyAnnouncement(queryClient, releaseId, announcement),
    onSettled: () => refresh(queryClient, releaseId),
  });
}

export type AnnouncementAction = "send-now" | "cancel" | "hold";

export function useAnnouncementAction(releaseId: string, handlers: AnnouncementHandlers = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ announcement, action }: { announcement: AnnouncementDto; action: AnnouncementAction }) =>
      api<{ announcement: AnnouncementDto }>(`${base(releaseId)}/${encodeURIComponent(announcement.id)}/${action}`, {
        method: "POST",
        body: { version: announcement.version },
      }),
    onError: (error) => {
      const current = conflictCurrent(error);
      if (current) {
        applyAnnouncement(queryClient, releaseId, current, true);
        handlers.onConflict?.(current);
      }
    },
    onSuccess: ({ announcement }) => applyAnnouncement(queryClient, releaseId, announcement),
    onSettled: () => refresh(queryClient, releaseId),
  });
}

function recomputeConflicts(list: AnnouncementListDto, moved: AnnouncementDto): AnnouncementDto["conflicts"] {
  const subject = (announcement: AnnouncementDto) => ({ ...announcement, scheduledAt: new Date(announcement.scheduledAt) });
  const context: ConflictContext = {
    timezone: list.release.timezone,
    windowEnd: new Date(list.release.windowEnd),
    workingHours: list.workingHours,
    others: list.announcements.map((announcement) => subject(announcement.id === moved.id ? moved : announcement)),
    now: new Date(),
  };
  return conflictsFor(subject(moved), context);
}

export function conflictCurrent(error: unknown): AnnouncementDto | null {
  if (!isApiError(error) || error.code !== "VERSION_CONFLICT") return null;
  const details = error.details;
  if (typeof details !== "object" || details === null || !("current" in details)) return null;
  const current = (details as { current: unknown }).current;
  if (typeof current !== "object" || current === null) return null;
  const candidate = current as Partial<AnnouncementDto>;
  return typeof candidate.id === "string" && typeof candidate.version === "number" && typeof candidate.scheduledAt === "string" ? (current as AnnouncementDto) : null;
}
