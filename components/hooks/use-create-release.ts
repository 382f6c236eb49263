"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { ReleaseDetail } from "@/lib/client/types";
import type { CreateReleaseInput } from "@/lib/releases/create-release.validation";

export function useCreateRelease() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateReleaseInput) => api<{ release: ReleaseDetail }>("/api/v1/releases", { method: "POST", body: input }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.releases }),
  });
}
