"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { DriverPurpose, SimulationFaults, Traffic } from "@/lib/client/types";
import { activePollMs } from "./use-operations";

// The split as the driver reads it back, never the one requested. Polled while
// an operation runs; otherwise refreshed by the live stream.
export function useTraffic(releaseId: string, purpose: DriverPurpose, operationRunning: boolean) {
  return useQuery({
    queryKey: queryKeys.trafficOf(releaseId, purpose),
    queryFn: ({ signal }) => api<{ traffic: Traffic }>(`${releasePath(releaseId)}/traffic?purpose=${purpose}`, { signal }),
    select: (data) => data.traffic,
    refetchInterval: operationRunning ? activePollMs : false,
    retry: false,
  });
}

export function useSetFaults(releaseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (faults: SimulationFaults) =>
      api<unknown>(`${releasePath(releaseId)}/simulation/faults`, { method: "PUT", body: faults }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.traffic(releaseId) }),
  });
}

function releasePath(releaseId: string): string {
  return `/api/v1/releases/${encodeURIComponent(releaseId)}`;
}
