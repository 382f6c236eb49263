import { mutate, type Actor } from "@/lib/audit/mutate";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertReleaseExists } from "@/lib/releases/get-release";
import { assertActiveUsers } from "@/lib/users/assert-active-user";
import { teamSelect, toTeamDto } from "./team-dto";
import type { PutTeamMembersInput, TeamDto } from "./teams.validation";

export async function listTeams(releaseId: string): Promise<TeamDto[]> {
  await assertReleaseExists(releaseId);
  const teams = await prisma.team.findMany({ where: { releaseId }, orderBy: { position: "asc" }, select: teamSelect });
  return teams.map(toTeamDto);
}

// Replaces the member list as a whole. The team row is locked first, so
// concurrent saves queue and the later one sees the changed fingerprint.
export async function setTeamMembers(actor: Actor, releaseId: string, teamId: string, input: PutTeamMembersInput): Promise<TeamDto> {
  return mutate(actor, async ({ tx, audit }) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Team" WHERE "id" = ${teamId}::uuid AND "releaseId" = ${releaseId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw new AppError("NOT_FOUND", "Team not found in this release");
    const current = toTeamDto(await tx.team.findUniqueOrThrow({ where: { id: teamId }, select: teamSelect }));
    if (current.membersVersion !== input.membersVersion) {
      throw new AppError("VERSION_CONFLICT", "Someone else changed this team's members; review them and try again", { current });
    }
    await assertActiveUsers(
      tx,
      input.members.map((member) => member.userId),
      (index) => ["members", index, "userId"],
    );
    await tx.teamMember.deleteMany({ where: { teamId } });
    await tx.teamMember.createMany({
      data: input.members.map((member) => ({ teamId, userId: member.userId, roleInTeam: member.roleInTeam || null })),
    });
    const team = toTeamDto(await tx.team.findUniqueOrThrow({ where: { id: teamId }, select: teamSelect }));
    if (team.membersVersion === current.membersVersion) return team;
    const summary = (dto: TeamDto) => dto.members.map((member) => ({ userId: member.userId, name: member.name, roleInTeam: member.roleInTeam }));
    await audit({
      releaseId,
      action: "team.members.updated",
      subjectType: "Team",
      subjectId: teamId,
      before: { key: current.key, name: current.name, members: summary(current) },
      after: { key: team.key, name: team.name, members: summary(team) },
    });
    return team;
  });
}
