"use client";

import { useId, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { Team } from "@/components/hooks/use-teams";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { controlClass } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { localized } from "@/lib/client/localized";
import type { User } from "@/lib/client/types";

interface Member {
  userId: string;
  name: string;
  roleInTeam: string;
}

interface TeamMembersDialogProps {
  team: Team;
  users: User[];
  saving: boolean;
  error: unknown;
  onSave: (members: { userId: string; roleInTeam: string | null }[]) => void;
  onClose: () => void;
}

export function TeamMembersDialog({ team, users, saving, error, onSave, onClose }: TeamMembersDialogProps) {
  const t = useTranslations("resources.teams");
  const tCommon = useTranslations("common");
  const locale = useLocale();
  const id = useId();
  const [members, setMembers] = useState<Member[]>(team.members.map((member) => ({ userId: member.userId, name: member.name, roleInTeam: member.roleInTeam ?? "" })));
  const [candidate, setCandidate] = useState("");
  const available = users.filter((user) => !members.some((member) => member.userId === user.id));

  const add = () => {
    const user = users.find((candidateUser) => candidateUser.id === candidate);
    if (!user) return;
    setMembers([...members, { userId: user.id, name: user.name, roleInTeam: "" }]);
    setCandidate("");
  };

  return (
    <Dialog
      open
      title={t("editTitle", { team: localized(team.name, locale) })}
      onClose={onClose}
      testId="team-members-dialog"
      footer={
        <>
          <Button onClick={onClose}>{tCommon("cancel")}</Button>
          <Button
            variant="primary"
            disabled={saving}
            onClick={() => onSave(members.map((member) => ({ userId: member.userId, roleInTeam: member.roleInTeam.trim() || null })))}
          >
            {saving ? tCommon("saving") : tCommon("save")}
          </Button>
        </>
      }
    >
      <div className="flex flex-col gap-3">
        {members.length === 0 ? <p className="text-[13px] text-ink-faint">{t("noMembers")}</p> : null}
        <ul className="flex flex-col gap-2">
          {members.map((member, index) => (
            <li key={member.userId} className="flex items-center gap-2">
              <span className="min-w-0 flex-1 truncate text-[13px]">{member.name}</span>
              <input
                aria-label={t("roleInTeam", { name: member.name })}
                placeholder={t("rolePlaceholder")}
                className={`${controlClass} max-w-36`}
                maxLength={100}
                value={member.roleInTeam}
                onChange={(event) => setMembers(members.map((other, i) => (i === index ? { ...other, roleInTeam: event.target.value } : other)))}
              />
              <Button size="sm" variant="ghost" aria-label={t("remove", { name: member.name })} onClick={() => setMembers(members.filter((_, i) => i !== index))}>
                ✕
              </Button>
            </li>
          ))}
        </ul>
        <div className="flex items-end gap-2">
          <div className="flex flex-1 flex-col gap-1">
            <label htmlFor={`${id}-add`} className="text-[12px] font-medium text-ink-muted">
              {t("addLabel")}
            </label>
            <select id={`${id}-add`} className={controlClass} value={candidate} onChange={(event) => setCandidate(event.target.value)}>
              <option value="">{t("choose")}</option>
              {available.map((user) => (
                <option key={user.id} value={user.id}>
                  {user.name} · {user.email}
                </option>
              ))}
            </select>
          </div>
          <Button onClick={add} disabled={!candidate}>
            {t("add")}
          </Button>
        </div>
        {error ? <FormError error={error} /> : null}
      </div>
    </Dialog>
  );
}
