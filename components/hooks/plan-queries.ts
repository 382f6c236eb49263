"use client";

import { isApiError } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";

// The plan board's queries live under the release's key, so the live
// resync (which invalidates ["release", id]) refreshes them too.
export const planKeys = {
  phases: (releaseId: string) => [...queryKeys.release(releaseId), "phases"] as const,
  teams: (releaseId: string) => [...queryKeys.release(releaseId), "teams"] as const,
  onCall: (releaseId: string) => [...queryKeys.release(releaseId), "oncall"] as const,
  risks: (releaseId: string) => [...queryKeys.release(releaseId), "risks"] as const,
  feedback: (releaseId: string) => [...queryKeys.release(releaseId), "feedback"] as const,
  report: (releaseId: string) => [...queryKeys.release(releaseId), "report"] as const,
};

export function releasePath(releaseId: string, rest: string): string {
  return `/api/v1/releases/${encodeURIComponent(releaseId)}/${rest}`;
}

// The server's copy after a 409 VERSION_CONFLICT, when it sent one.
export function conflictCurrent<T>(error: unknown): T | null {
  if (!isApiError(error) || error.status !== 409) return null;
  const details = error.details;
  if (typeof details !== "object" || details === null || !("current" in details)) return null;
  return (details as { current: T }).current;
}
