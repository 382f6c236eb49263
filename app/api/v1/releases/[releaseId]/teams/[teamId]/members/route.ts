import { route } from "@/lib/http/handler";
import { setTeamMembers } from "@/lib/teams/teams";
import { putTeamMembersBody, teamParams } from "@/lib/teams/teams.validation";

export const PUT = route({ permission: "team.update", params: teamParams, body: putTeamMembersBody }, async ({ actor, params, body }) => ({
  team: await setTeamMembers(actor, params.releaseId, params.teamId, body),
}));
