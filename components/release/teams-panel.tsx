"use client";

import { useLocale, useTranslations } from "next-intl";
import { Panel } from "@/components/ui/panel";
import { localized } from "@/lib/client/localized";
import type { Team } from "@/lib/client/types";

export function TeamsPanel({ teams, className }: { teams: Team[]; className?: string }) {
  const t = useTranslations("release.teams");
  const locale = useLocale();
  const total = teams.reduce((sum, team) => sum + team.headcount, 0);
  return (
    <Panel
      title={t("title")}
      id="teams"
      className={className}
      actions={<span className="text-[12px] text-ink-muted tabular-nums">{t("total", { count: total })}</span>}
    >
      <ul className="flex flex-col divide-y divide-line">
        {teams.map((team) => (
          <li key={team.id} className="grid grid-cols-[1fr_auto] gap-x-3 py-2 first:pt-0 last:pb-0">
            <span className="text-[13px] font-medium">{localized(team.name, locale)}</span>
            <span className="text-[13px] tabular-nums">{t("headcount", { count: team.headcount })}</span>
            <span className="col-span-2 text-[12px] text-ink-muted">{localized(team.responsibility, locale)}</span>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
