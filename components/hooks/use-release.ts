"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { ReleaseDetail, ReleaseSummary } from "@/lib/client/types";

export function useReleases() {
  return useQuery({
    queryKey: queryKeys.releases,
    queryFn: ({ signal }) => api<{ releases: ReleaseSummary[] }>("/api/v1/releases", { signal }),
    select: (data) => data.releases,
  });
}

export function useRelease(releaseId: string) {
  return useQuery({
    queryKey: queryKeys.releaseDetail(releaseId),
    queryFn: ({ signal }) =>
      api<{ release: ReleaseDetail }>(`/api/v1/releases/${encodeURIComponent(releaseId)}`, { signal }),
    select: (data) => data.release,
  });
}

// The demo release first (it is what a fresh install is for), then the list order.
export function pickDefaultRelease(releases: readonly ReleaseSummary[]): ReleaseSummary | undefined {
  return releases.find((release) => release.isDemo) ?? releases[0];
}
