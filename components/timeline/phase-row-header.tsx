"use client";

import { useId, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { Phase } from "@/components/hooks/use-phases";
import { Badge } from "@/components/ui/badge";
import { ChevronDownIcon } from "@/components/ui/icons";
import { useDateFormat } from "@/components/ui/use-date-format";
import { PhaseTaskList } from "@/components/release/phase-task-list";
import { phaseStatusTone } from "@/components/release/status-tones";
import { cn } from "@/lib/client/cn";
import { localized } from "@/lib/client/localized";

interface PhaseRowHeaderProps {
  phase: Phase;
  teamNames: Map<string, string>;
  uncoveredTeams: string[];
}

export function PhaseRowHeader({ phase, teamNames, uncoveredTeams }: PhaseRowHeaderProps) {
  const t = useTranslations("timeline");
  const locale = useLocale();
  const dates = useDateFormat();
  const tasksId = useId();
  const [open, setOpen] = useState(false);
  const done = phase.tasks.filter((task) => task.done).length;

  return (
    <div className="flex flex-col gap-1 text-[12px]">
      <div className="flex items-start justify-between gap-2">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={tasksId}
          onClick={() => setOpen(!open)}
          className="flex min-w-0 items-center gap-1 rounded text-left text-[13px] font-medium text-ink"
        >
          <span aria-hidden className={cn("shrink-0 text-ink-faint transition-transform", !open && "-rotate-90")}>
            <ChevronDownIcon />
          </span>
          <span className="truncate">{localized(phase.title, locale)}</span>
          <span className="sr-only">{t("tasks", { done, total: phase.tasks.length })}</span>
        </button>
        <Badge tone={phaseStatusTone[phase.status]}>{t(`status.${phase.status}`)}</Badge>
      </div>
      <div className="flex flex-wrap gap-1">
        {phase.ownerTeams.map((key) => (
          <Badge key={key} tone={uncoveredTeams.includes(key) ? "warn" : "muted"}>
            {teamNames.get(key) ?? key}
          </Badge>
        ))}
      </div>
      <p className="text-ink-faint tabular-nums">
        {dates.shortDateTime(phase.startsAt)} – {phase.endsAt ? dates.shortDateTime(phase.endsAt) : "—"}
      </p>
      {uncoveredTeams.length > 0 ? (
        <p className="text-warn" data-testid={`coverage-warning-${phase.key}`}>
          ⚠ {t("noOnCall", { teams: uncoveredTeams.map((key) => teamNames.get(key) ?? key).join(", ") })}
        </p>
      ) : null}
      <PhaseTaskList id={tasksId} hidden={!open} tasks={phase.tasks} className="mt-1 gap-0.5 text-ink-muted" />
    </div>
  );
}
