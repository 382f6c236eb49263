"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import type { CreateRiskInput, RiskDto, UpdateRiskInput } from "@/lib/risks/risks.validation";
import { planKeys, releasePath } from "./plan-queries";

export type Risk = RiskDto;

export function useRisks(releaseId: string) {
  return useQuery({
    queryKey: planKeys.risks(releaseId),
    queryFn: ({ signal }) => api<{ risks: Risk[] }>(releasePath(releaseId, "risks"), { signal }),
    select: (data) => data.risks,
  });
}

type RiskChange = { riskId: null; input: Partial<CreateRiskInput> } | { riskId: string; input: UpdateRiskInput };

export function useSaveRisk(releaseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: RiskChange) =>
      change.riskId === null
        ? api<{ risk: Risk }>(releasePath(releaseId, "risks"), { method: "POST", body: change.input })
        : api<{ risk: Risk }>(releasePath(releaseId, `risks/${encodeURIComponent(change.riskId)}`), { method: "PATCH", body: change.input }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: planKeys.risks(releaseId) }),
  });
}
