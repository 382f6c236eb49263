"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { CriterionDetail, CriterionPatch } from "@/lib/client/types";

export function useCriteria(releaseId: string) {
  return useQuery({
    queryKey: queryKeys.criteriaList(releaseId),
    queryFn: ({ signal }) => api<{ criteria: CriterionDetail[] }>(criteriaPath(releaseId), { signal }),
    select: (data) => data.criteria,
  });
}

// A stale version answers 409; the caller shows it and the list is re-read.
export function useUpdateCriterion(releaseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ criterionId, patch }: { criterionId: string; patch: CriterionPatch }) =>
      api<{ criterion: CriterionDetail }>(`${criteriaPath(releaseId)}/${encodeURIComponent(criterionId)}`, { method: "PATCH", body: patch }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.criteria(releaseId) }),
  });
}

export function criteriaPath(releaseId: string): string {
  return `/api/v1/releases/${encodeURIComponent(releaseId)}/criteria`;
}
