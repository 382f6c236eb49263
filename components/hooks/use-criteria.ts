"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { CriterionDetail, CriterionPatch, GuardView, Scorecard, SyntheticCheck } from "@/lib/client/types";

// Evaluations run on the server's intervals and are not pushed (only a breach
// is): the guard is re-read this often while it watches, the scorecard always.
const watchingPollMs = 5_000;
const scorecardPollMs = 15_000;

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

export function useGuard(releaseId: string) {
  return useQuery({
    queryKey: queryKeys.guard(releaseId),
    queryFn: ({ signal }) => api<{ guard: GuardView }>(`${releasePath(releaseId)}/guard`, { signal }),
    select: (data) => data.guard,
    refetchInterval: (query) => (query.state.data?.guard.state === "idle" ? false : watchingPollMs),
  });
}

export function useScorecard(releaseId: string) {
  return useQuery({
    queryKey: queryKeys.scorecard(releaseId),
    queryFn: ({ signal }) => api<{ scorecard: Scorecard }>(`${releasePath(releaseId)}/scorecard`, { signal }),
    select: (data) => data.scorecard,
    refetchInterval: scorecardPollMs,
  });
}

export function useSyntheticChecks(releaseId: string) {
  return useQuery({
    queryKey: queryKeys.syntheticChecks(releaseId),
    queryFn: ({ signal }) => api<{ checks: SyntheticCheck[] }>(`${releasePath(releaseId)}/synthetic-checks`, { signal }),
    select: (data) => data.checks,
    refetchInterval: scorecardPollMs,
  });
}

function releasePath(releaseId: string): string {
  return `/api/v1/releases/${encodeURIComponent(releaseId)}`;
}

function criteriaPath(releaseId: string): string {
  return `${releasePath(releaseId)}/criteria`;
}
