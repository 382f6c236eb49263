import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/db/generated/client";
import type { TeamDto } from "./teams.validation";

export const teamSelect = {
  id: true,
  key: true,
  position: true,
  nameKo: true,
  nameEn: true,
  responsibilityKo: true,
  responsibilityEn: true,
  headcount: true,
  members: { select: { userId: true, roleInTeam: true, user: { select: { name: true, email: true } } } },
} as const satisfies Prisma.TeamSelect;

export type TeamRow = Prisma.TeamGetPayload<{ select: typeof teamSelect }>;

// Membership rows have no version of their own; the list's fingerprint
// serves as one, so two people editing the same team cannot both win.
export function membersVersion(members: readonly { userId: string; roleInTeam: string | null }[]): string {
  const canonical = members
    .map((member) => `${member.userId}:${member.roleInTeam ?? ""}`)
    .sort()
    .join("|");
  return createHash("sha256").update(canonical).digest("base64url").slice(0, 16);
}

export function toTeamDto(team: TeamRow): TeamDto {
  const members = team.members
    .map((member) => ({ userId: member.userId, name: member.user.name, email: member.user.email, roleInTeam: member.roleInTeam }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    id: team.id,
    key: team.key,
    position: team.position,
    name: { ko: team.nameKo, en: team.nameEn },
    responsibility: { ko: team.responsibilityKo, en: team.responsibilityEn },
    headcount: team.headcount,
    members,
    membersVersion: membersVersion(team.members),
  };
}
