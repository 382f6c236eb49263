"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { ReleaseSettingView, SaveSetting } from "@/lib/client/types";

// Secret values never come back: the server answers which secrets are set.
export function useSetting<T>(releaseId: string, key: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.setting(releaseId, key),
    enabled,
    queryFn: ({ signal }) => api<ReleaseSettingView<T>>(settingPath(releaseId, key), { signal }),
    retry: false,
  });
}

export function useSaveSetting<T>(releaseId: string, key: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveSetting<T>) =>
      api<ReleaseSettingView<T>>(settingPath(releaseId, key), { method: "PUT", body: input }),
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.setting(releaseId, key), saved),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.setting(releaseId, key) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.traffic(releaseId) });
    },
  });
}

function settingPath(releaseId: string, key: string): string {
  return `/api/v1/releases/${encodeURIComponent(releaseId)}/settings/${encodeURIComponent(key)}`;
}
