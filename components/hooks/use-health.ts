"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { Health } from "@/lib/client/types";

const pollMs = 15_000;

export function useHealth() {
  return useQuery({
    queryKey: queryKeys.health,
    queryFn: ({ signal }) => api<Health>("/api/health", { signal }),
    refetchInterval: pollMs,
    refetchIntervalInBackground: true,
    retry: false,
  });
}
