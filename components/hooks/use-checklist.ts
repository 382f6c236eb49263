"use client";

import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { api, isApiError } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { Checklist, ChecklistFilter, ChecklistItem, ItemPatch, UserRef } from "@/lib/client/types";
import { refreshKeepingInFlight } from "./refresh";

export function useChecklist(releaseId: string, filter: ChecklistFilter) {
  return useQuery({
    queryKey: queryKeys.checklist(releaseId, filter),
    queryFn: ({ signal }) =>
      api<Checklist>(`/api/v1/releases/${encodeURIComponent(releaseId)}/checklist?filter=${filter}`, { signal }),
  });
}

// Puts a server copy of an item into every cached view of the release's
// checklist. An older copy (a late echo of our own write) never wins.
export function applyItem(queryClient: QueryClient, releaseId: string, item: ChecklistItem) {
  queryClient.setQueriesData<Checklist>({ queryKey: queryKeys.checklists(releaseId) }, (checklist) =>
    replaceItem(checklist, item, (cached) => item.version >= cached.version),
  );
}

// Progress, filtered views, gates and the audit trail derive from items;
// refresh them in the background while the unfiltered list already shows the
// change. Traffic, operations and settings do not depend on items.
export function refreshAfterItemChange(queryClient: QueryClient, releaseId: string) {
  void queryClient.invalidateQueries({ queryKey: queryKeys.releases });
  refreshKeepingInFlight(queryClient, {
    queryKey: queryKeys.release(releaseId),
    predicate: (query) =>
      !(query.queryKey[2] === "checklist" && query.queryKey[3] === "all") && !independentOfItems.has(String(query.queryKey[2])),
  });
}

const independentOfItems = new Set(["traffic", "operations", "operation", "settings", "rollback-reports"]);

export interface ItemChange {
  item: ChecklistItem;
  patch: ItemPatch;
  // For the optimistic copy: the chosen assignee as the row will show it.
  assignee?: UserRef | null;
}

export interface UpdateHandlers {
  // Someone else changed the item first; `current` is now in the cache.
  onConflict: (current: ChecklistItem) => void;
  // Any other failure; the optimistic change has been rolled back.
  onFailure: (error: unknown) => void;
}

export function useUpdateItem(releaseId: string, handlers: UpdateHandlers) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ item, patch }: ItemChange) =>
      api<{ item: ChecklistItem }>(
        `/api/v1/releases/${encodeURIComponent(releaseId)}/checklist/items/${encodeURIComponent(item.id)}`,
        { method: "PATCH", body: { version: item.version, ...patch } },
      ),
    onMutate: async ({ item, patch, assignee }) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.checklists(releaseId) });
      const snapshot = queryClient.getQueriesData<Checklist>({ queryKey: queryKeys.checklists(releaseId) });
      const optimistic = optimisticItem(item, patch, assignee);
      queryClient.setQueriesData<Checklist>({ queryKey: queryKeys.checklists(releaseId) }, (checklist) =>
        replaceItem(checklist, optimistic, () => true),
      );
      return { snapshot };
    },
    onError: (error, _change, context) => {
      const current = conflictCurrent(error);
      if (current) {
        queryClient.setQueriesData<Checklist>({ queryKey: queryKeys.checklists(releaseId) }, (checklist) =>
          replaceItem(checklist, current, () => true),
        );
        handlers.onConflict(current);
        return;
      }
      for (const [key, data] of context?.snapshot ?? []) queryClient.setQueryData(key, data);
      handlers.onFailure(error);
    },
    onSuccess: ({ item }) => applyItem(queryClient, releaseId, item),
    onSettled: () => refreshAfterItemChange(queryClient, releaseId),
  });
}

function optimisticItem(item: ChecklistItem, patch: ItemPatch, assignee: UserRef | null | undefined): ChecklistItem {
  const next: ChecklistItem = { ...item };
  if (patch.status !== undefined) next.status = patch.status;
  if (patch.note !== undefined) next.note = patch.note;
  if (patch.evidenceUrl !== undefined) next.evidenceUrl = patch.evidenceUrl;
  if (patch.dueAt !== undefined) next.dueAt = patch.dueAt;
  if (patch.requiredForGoLive !== undefined) next.requiredForGoLive = patch.requiredForGoLive;
  if (patch.assigneeId !== undefined) next.assignee = assignee ?? null;
  return next;
}

function conflictCurrent(error: unknown): ChecklistItem | null {
  if (!isApiError(error) || error.status !== 409) return null;
  const details = error.details;
  if (typeof details !== "object" || details === null || !("current" in details)) return null;
  const current = (details as { current: unknown }).current;
  return isItem(current) ? current : null;
}

function isItem(value: unknown): value is ChecklistItem {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as ChecklistItem).id === "string" &&
    typeof (value as ChecklistItem).version === "number"
  );
}

function replaceItem(
  checklist: Checklist | undefined,
  item: ChecklistItem,
  shouldReplace: (cached: ChecklistItem) => boolean,
): Checklist | undefined {
  if (!checklist) return checklist;
  let changed = false;
  const sections = checklist.sections.map((section) => {
    const index = section.items.findIndex((cached) => cached.id === item.id);
    const cached = section.items[index];
    if (!cached || !shouldReplace(cached)) return section;
    changed = true;
    const items = section.items.slice();
    items[index] = item;
    return { ...section, items };
  });
  return changed ? { ...checklist, sections } : checklist;
}
