"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { api, withQuery } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { AuditFilters, AuditPage } from "@/lib/client/types";

const pageSize = 50;

export function useAudit(releaseId: string, filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.audit(releaseId, filters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<AuditPage>(
        withQuery(`/api/v1/releases/${encodeURIComponent(releaseId)}/audit`, {
          actorId: filters.actorId,
          action: filters.action,
          cursor: pageParam,
          limit: pageSize,
        }),
        { signal },
      ),
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}
