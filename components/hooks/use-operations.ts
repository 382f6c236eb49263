"use client";

import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { ChecklistItem, OperationDetail, OperationLogLine, OperationStatus, OperationSummary, StartOperation } from "@/lib/client/types";

// While an operation moves, its state is re-read this often besides the live
// stream, so a missed event costs at most this long.
export const activePollMs = 2_000;

// Not finished yet: holds the release (one at a time) and can be aborted.
const activeStatuses: readonly OperationStatus[] = ["scheduled", "pending", "running", "paused", "needs_attention"];
// Moving now: worth re-reading every couple of seconds.
const movingStatuses: readonly OperationStatus[] = ["pending", "running", "paused", "needs_attention"];

export function isActive(status: OperationStatus): boolean {
  return activeStatuses.includes(status);
}

export function isMoving(status: OperationStatus): boolean {
  return movingStatuses.includes(status);
}

export function useOperations(releaseId: string) {
  return useQuery({
    queryKey: queryKeys.operations(releaseId),
    queryFn: ({ signal }) => api<{ operations: OperationSummary[] }>(operationsPath(releaseId), { signal }),
    select: (data) => data.operations,
    refetchInterval: (query) =>
      query.state.data?.operations.some((operation) => isMoving(operation.status)) ? activePollMs : false,
  });
}

export function useOperation(releaseId: string, operationId: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: queryKeys.operation(releaseId, operationId ?? ""),
    enabled: operationId !== null,
    queryFn: async ({ signal }) => {
      const fetched = await api<{ operation: OperationDetail }>(
        `${operationsPath(releaseId)}/${encodeURIComponent(operationId ?? "")}`,
        { signal },
      );
      const cached = queryClient.getQueryData<{ operation: OperationDetail }>(queryKeys.operation(releaseId, operationId ?? ""));
      return { operation: { ...fetched.operation, logs: withLaterLiveLines(fetched.operation.logs, cached?.operation.logs ?? []) } };
    },
    select: (data) => data.operation,
    refetchInterval: (query) => (query.state.data && isMoving(query.state.data.operation.status) ? activePollMs : false),
  });
}

export function useStartOperation(releaseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: StartOperation) =>
      api<{ operation: OperationSummary }>(operationsPath(releaseId), { method: "POST", body: input }),
    onSettled: () => refreshOperations(queryClient, releaseId),
  });
}

export type OperationAction = "pause" | "resume" | "abort";

export function useControlOperation(releaseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ operationId, action }: { operationId: string; action: OperationAction }) =>
      api<{ operation: OperationSummary }>(
        `${operationsPath(releaseId)}/${encodeURIComponent(operationId)}/${action}`,
        { method: "POST", body: {} },
      ),
    onSettled: () => refreshOperations(queryClient, releaseId),
  });
}

// A successful cutover or rollback rehearsal becomes the evidence link of the
// checklist items it proves.
export function useAttachEvidence(releaseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (operationId: string) =>
      api<{ items: ChecklistItem[] }>(`${operationsPath(releaseId)}/${encodeURIComponent(operationId)}/evidence`, {
        method: "POST",
        body: {},
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.checklists(releaseId) }),
  });
}

export interface LiveLogLine extends OperationLogLine {
  operationId: string;
}

// A line from the live stream goes straight into the open timeline; the next
// read of the operation brings the persisted copy.
export function appendOperationLog(queryClient: QueryClient, releaseId: string, line: LiveLogLine) {
  const { operationId, ...entry } = line;
  queryClient.setQueryData<{ operation: OperationDetail }>(queryKeys.operation(releaseId, operationId), (data) =>
    data && !data.operation.logs.some((cached) => cached.id === entry.id)
      ? { operation: { ...data.operation, logs: [...data.operation.logs, entry] } }
      : data,
  );
}

export function refreshOperations(queryClient: QueryClient, releaseId: string) {
  void queryClient.invalidateQueries({ queryKey: queryKeys.operations(releaseId) });
  void queryClient.invalidateQueries({ queryKey: ["release", releaseId, "operation"] });
  void queryClient.invalidateQueries({ queryKey: queryKeys.traffic(releaseId) });
  void queryClient.invalidateQueries({ queryKey: queryKeys.releaseDetail(releaseId) });
}

// Lines that arrived live after the server's newest persisted line are kept:
// the read may have left the server just before they were written.
function withLaterLiveLines(persisted: OperationLogLine[], cached: OperationLogLine[]): OperationLogLine[] {
  const newest = persisted.at(-1)?.at ?? "";
  const known = new Set(persisted.map((line) => line.id));
  const later = cached.filter((line) => line.at >= newest && !known.has(line.id));
  return later.length > 0 ? [...persisted, ...later] : persisted;
}

function operationsPath(releaseId: string): string {
  return `/api/v1/releases/${encodeURIComponent(releaseId)}/operations`;
}
