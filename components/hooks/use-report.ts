"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import type { ReleaseReport } from "@/lib/report/report.validation";
import { planKeys, releasePath } from "./plan-queries";

export type { ReleaseReport };

export function useReport(releaseId: string) {
  return useQuery({
    queryKey: planKeys.report(releaseId),
    queryFn: ({ signal }) => api<{ report: ReleaseReport }>(releasePath(releaseId, "report"), { signal }),
    select: (data) => data.report,
  });
}
