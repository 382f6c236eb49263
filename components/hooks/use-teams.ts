"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import type { PutTeamMembersInput, TeamDto } from "@/lib/teams/teams.validation";
import { planKeys, releasePath } from "./plan-queries";

export type Team = TeamDto;

export function useTeams(releaseId: string) {
  return useQuery({
    queryKey: planKeys.teams(releaseId),
    queryFn: ({ signal }) => api<{ teams: Team[] }>(releasePath(releaseId, "teams"), { signal }),
    select: (data) => data.teams,
  });
}

export function useSetTeamMembers(releaseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ teamId, input }: { teamId: string; input: PutTeamMembersInput }) =>
      api<{ team: Team }>(releasePath(releaseId, `teams/${encodeURIComponent(teamId)}/members`), { method: "PUT", body: input }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: planKeys.teams(releaseId) }),
  });
}
