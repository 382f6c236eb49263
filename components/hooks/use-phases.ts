"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { PhaseDto, UpdatePhaseInput } from "@/lib/phases/phases.validation";
import { planKeys, releasePath } from "./plan-queries";

export type Phase = PhaseDto;
export type PhasePatch = Omit<Partial<UpdatePhaseInput>, "version">;

export function usePhases(releaseId: string) {
  return useQuery({
    queryKey: planKeys.phases(releaseId),
    queryFn: ({ signal }) => api<{ phases: Phase[] }>(releasePath(releaseId, "phases"), { signal }),
    select: (data) => data.phases,
  });
}

// Optimistic: the bar stays where it was dropped while the server confirms;
// any failure (a 409 included) puts the server's plan back.
export function useUpdatePhase(releaseId: string) {
  const queryClient = useQueryClient();
  const key = planKeys.phases(releaseId);
  return useMutation({
    mutationFn: ({ phase, patch }: { phase: Phase; patch: PhasePatch }) =>
      api<{ phase: Phase; shifted: Phase[] }>(releasePath(releaseId, `phases/${encodeURIComponent(phase.id)}`), {
        method: "PATCH",
        body: { version: phase.version, ...patch },
      }),
    onMutate: async ({ phase, patch }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const snapshot = queryClient.getQueryData<{ phases: Phase[] }>(key);
      if (snapshot) {
        const next = { ...phase, ...(patch.startsAt ? { startsAt: patch.startsAt } : {}), ...(patch.endsAt !== undefined ? { endsAt: patch.endsAt } : {}) };
        queryClient.setQueryData(key, { phases: snapshot.phases.map((candidate) => (candidate.id === phase.id ? next : candidate)) });
      }
      return { snapshot };
    },
    onError: (_error, _change, context) => {
      if (context?.snapshot) queryClient.setQueryData(key, context.snapshot);
    },
    onSuccess: ({ phase, shifted }) => {
      const changed = new Map([phase, ...shifted].map((candidate) => [candidate.id, candidate]));
      queryClient.setQueryData<{ phases: Phase[] }>(key, (data) => data && { phases: data.phases.map((candidate) => changed.get(candidate.id) ?? candidate) });
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: key });
      void queryClient.invalidateQueries({ queryKey: planKeys.onCall(releaseId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.releaseDetail(releaseId) });
    },
  });
}
