"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { conflictCurrent } from "@/components/hooks/plan-queries";
import { usePermission } from "@/components/hooks/use-me";
import { useSetTeamMembers, useTeams, type Team } from "@/components/hooks/use-teams";
import { useUsers } from "@/components/hooks/use-users";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Panel } from "@/components/ui/panel";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { localized } from "@/lib/client/localized";
import { TeamMembersDialog } from "./team-members-dialog";

export function TeamsPanel({ releaseId }: { releaseId: string }) {
  const t = useTranslations("resources.teams");
  const locale = useLocale();
  const teams = useTeams(releaseId);
  const { data: users } = useUsers();
  const canEdit = usePermission("team.update");
  const save = useSetTeamMembers(releaseId);
  const [editing, setEditing] = useState<Team | null>(null);
  const [conflict, setConflict] = useState(false);

  return (
    <Panel title={t("title")} id="teams">
      {!canEdit ? <p className="mb-3 text-[12px] text-ink-faint">{t("readOnly")}</p> : null}
      {conflict ? (
        <Alert tone="warn" role="status" className="mb-3">
          {t("conflict")}
        </Alert>
      ) : null}
      {teams.error ? <ErrorState error={teams.error} onRetry={() => void teams.refetch()} /> : null}
      {!teams.data && !teams.error ? <LoadingState /> : null}
      <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
        {teams.data?.map((team) => {
          const short = team.headcount - team.members.length;
          return (
            <li key={team.id} data-testid={`team-${team.key}`} className="flex flex-col gap-2 rounded-md border border-line p-3">
              <div className="flex items-start justify-between gap-2">
                <div className="min-w-0">
                  <h3 className="text-[13px] font-semibold">{localized(team.name, locale)}</h3>
                  <p className="text-[12px] text-ink-muted">{localized(team.responsibility, locale)}</p>
                </div>
                {canEdit ? (
                  <Button
                    size="sm"
                    onClick={() => {
                      save.reset();
                      setConflict(false);
                      setEditing(team);
                    }}
                  >
                    {t("edit")}
                  </Button>
                ) : null}
              </div>
              <div className="flex flex-wrap items-center gap-2 text-[12px]">
                <span className="text-ink-muted tabular-nums">{t("headcount", { assigned: team.members.length, planned: team.headcount })}</span>
                {short > 0 ? <Badge tone="warn">{t("short", { count: short })}</Badge> : null}
              </div>
              {team.members.length === 0 ? (
                <p className="text-[12px] text-ink-faint">{t("noMembers")}</p>
              ) : (
                <ul className="flex flex-wrap gap-1">
                  {team.members.map((member) => (
                    <li key={member.userId}>
                      <Badge tone="muted">
                        {member.name}
                        {member.roleInTeam ? ` · ${member.roleInTeam}` : ""}
                      </Badge>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
      {editing ? (
        <TeamMembersDialog
          team={editing}
          users={users ?? []}
          saving={save.isPending}
          error={save.error && !conflictCurrent(save.error) ? save.error : null}
          onClose={() => setEditing(null)}
          onSave={(members) =>
            save.mutate(
              { teamId: editing.id, input: { membersVersion: editing.membersVersion, members } },
              {
                onSuccess: () => setEditing(null),
                onError: (error) => {
                  if (conflictCurrent(error)) {
                    setEditing(null);
                    setConflict(true);
                  }
                },
              },
            )
          }
        />
      ) : null}
    </Panel>
  );
}
