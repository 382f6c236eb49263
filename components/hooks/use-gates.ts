"use client";

import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { Gate, GateDecisionKind } from "@/lib/client/types";

export function useGates(releaseId: string) {
  return useQuery({
    queryKey: queryKeys.gates(releaseId),
    queryFn: ({ signal }) => api<{ gates: Gate[] }>(gatesPath(releaseId), { signal }),
    select: (data) => data.gates,
  });
}

export interface GateDecisionInput {
  gate: Gate;
  kind: GateDecisionKind;
  comment?: string;
}

// Approvals are asked for first; the requester may not approve their own
// request unless the gate allows it.
export function useRequestGate(releaseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (gate: Gate) =>
      api<{ gate: Gate }>(`${gatesPath(releaseId)}/${encodeURIComponent(gate.id)}/request`, { method: "POST" }),
    onSettled: () => refreshGates(queryClient, releaseId),
  });
}

// A decision carries the gate's version: a decision made on a stale card comes
// back as a 409 and the refetch shows the gate as it is now.
export function useDecideGate(releaseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ gate, kind, comment }: GateDecisionInput) =>
      api<{ gate: Gate }>(`${gatesPath(releaseId)}/${encodeURIComponent(gate.id)}/decisions`, {
        method: "POST",
        body: { kind, version: gate.version, ...(comment ? { comment } : {}) },
      }),
    onSettled: () => refreshGates(queryClient, releaseId),
  });
}

function refreshGates(queryClient: QueryClient, releaseId: string) {
  void queryClient.invalidateQueries({ queryKey: queryKeys.gates(releaseId) });
  void queryClient.invalidateQueries({ queryKey: queryKeys.operations(releaseId) });
}

function gatesPath(releaseId: string): string {
  return `/api/v1/releases/${encodeURIComponent(releaseId)}/gates`;
}
