"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import type { CreateShiftInput, OnCallDto, ShiftDto, UpdateShiftInput } from "@/lib/oncall/oncall.validation";
import { planKeys, releasePath } from "./plan-queries";

export type OnCall = OnCallDto;
export type Shift = ShiftDto;

export function useOnCall(releaseId: string) {
  return useQuery({
    queryKey: planKeys.onCall(releaseId),
    queryFn: ({ signal }) => api<OnCall>(releasePath(releaseId, "oncall"), { signal }),
  });
}

type ShiftChange =
  | { action: "create"; input: CreateShiftInput }
  | { action: "update"; shiftId: string; input: UpdateShiftInput }
  | { action: "delete"; shiftId: string; version: number };

export function useChangeShift(releaseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: ShiftChange) => {
      if (change.action === "create") return api<{ shift: Shift }>(releasePath(releaseId, "oncall"), { method: "POST", body: change.input });
      const path = releasePath(releaseId, `oncall/${encodeURIComponent(change.shiftId)}`);
      if (change.action === "update") return api<{ shift: Shift }>(path, { method: "PATCH", body: change.input });
      return api<{ shift: Shift }>(`${path}?version=${change.version}`, { method: "DELETE" });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: planKeys.onCall(releaseId) }),
  });
}
