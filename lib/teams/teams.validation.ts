import { z } from "zod";
import { localizedText } from "@/lib/http/common.validation";

export const teamParams = z.strictObject({ releaseId: z.uuid(), teamId: z.uuid() });

export const teamMemberSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  roleInTeam: z.string().nullable(),
});

export const teamSchema = z
  .object({
    id: z.uuid(),
    key: z.string(),
    position: z.int(),
    name: localizedText,
    responsibility: localizedText,
    headcount: z.int().meta({ description: "People the plan calls for" }),
    members: z.array(teamMemberSchema),
    membersVersion: z.string().meta({ description: "Fingerprint of the member list; send it back with PUT members" }),
  })
  .meta({ id: "Team" });
export type TeamDto = z.infer<typeof teamSchema>;

export const teamListResponse = z.object({ teams: z.array(teamSchema) });
export const teamResponse = z.object({ team: teamSchema });

export const putTeamMembersBody = z
  .strictObject({
    membersVersion: z.string().max(100).meta({ description: "From GET teams; a different one (someone changed the list) gets 409" }),
    members: z
      .array(z.strictObject({ userId: z.uuid(), roleInTeam: z.string().trim().max(100).nullable().optional() }))
      .max(100)
      .refine((members) => new Set(members.map((member) => member.userId)).size === members.length, { message: "A person can be listed once" }),
  })
  .meta({ id: "PutTeamMembers" });
export type PutTeamMembersInput = z.infer<typeof putTeamMembersBody>;
