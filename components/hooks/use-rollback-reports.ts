"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { NewRollbackReport, RollbackReport, RollbackReportList } from "@/lib/client/types";

export function useRollbackReports(releaseId: string) {
  return useQuery({
    queryKey: queryKeys.rollbackReports(releaseId),
    queryFn: ({ signal }) => api<RollbackReportList>(reportsPath(releaseId), { signal }),
  });
}

export function useCreateRollbackReport(releaseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (report: NewRollbackReport) =>
      api<{ report: RollbackReport }>(reportsPath(releaseId), { method: "POST", body: report }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.rollbackReports(releaseId) }),
  });
}

function reportsPath(releaseId: string): string {
  return `/api/v1/releases/${encodeURIComponent(releaseId)}/rollback-reports`;
}
