"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useFeedback } from "@/components/hooks/use-feedback";
import { useOnCall } from "@/components/hooks/use-oncall";
import { usePhases } from "@/components/hooks/use-phases";
import { useTeams } from "@/components/hooks/use-teams";
import { phaseStatusTone } from "@/components/release/status-tones";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Panel } from "@/components/ui/panel";
import { LoadingState } from "@/components/ui/states";
import { useDateFormat } from "@/components/ui/use-date-format";
import { localized } from "@/lib/client/localized";

const hour = 3_600_000;

// What is happening in the 48 hours after the cutover: the phases under
// way, who answers the phone, and what users report.
export function StabilisationBoard({ releaseId }: { releaseId: string }) {
  const t = useTranslations("afterLaunch.board");
  const tStatus = useTranslations("timeline.status");
  const locale = useLocale();
  const dates = useDateFormat();
  const onCall = useOnCall(releaseId);
  const { data: phases } = usePhases(releaseId);
  const { data: teams } = useTeams(releaseId);
  const { data: feedback } = useFeedback(releaseId);
  const now = useMinuteClock();
  if (!onCall.data) return <LoadingState />;

  const start = new Date(onCall.data.window.startsAt).getTime();
  const end = new Date(onCall.data.window.endsAt).getTime();
  const state = now < start ? "upcoming" : now > end ? "over" : "active";
  const totalHours = Math.round((end - start) / hour);
  const teamName = new Map((teams ?? []).map((team) => [team.key, localized(team.name, locale)]));
  const runningPhases = (phases ?? []).filter(
    (phase) => phase.status === "running" || (phase.status === "pending" && new Date(phase.startsAt).getTime() <= now && (!phase.endsAt || new Date(phase.endsAt).getTime() >= now)),
  );
  const onShift = onCall.data.shifts.filter((shift) => new Date(shift.startsAt).getTime() <= now && new Date(shift.endsAt).getTime() > now);
  const open = (feedback ?? []).filter((item) => item.status !== "resolved");
  const critical = open.filter((item) => item.severity === 1).length;
  const gapCount = onCall.data.coverage.reduce((sum, gap) => sum + gap.gaps.length, 0);
  const base = `/releases/${encodeURIComponent(releaseId)}`;

  return (
    <Panel
      title={t("title")}
      id="stabilisation"
      actions={<Badge tone={state === "active" ? "info" : state === "over" ? "ok" : "neutral"}>{t(`state.${state}`)}</Badge>}
    >
      <div className="flex flex-col gap-4">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <p className="text-[13px] tabular-nums">{dates.range(onCall.data.window.startsAt, onCall.data.window.endsAt)}</p>
          {state === "active" ? <p className="text-[13px] text-ink-muted">{t("elapsed", { hours: Math.floor((now - start) / hour), total: totalHours })}</p> : null}
        </div>
        {state === "active" ? (
          <div className="h-1.5 overflow-hidden rounded-full bg-neutral-soft" aria-hidden>
            <div className="h-full bg-accent-solid" style={{ width: `${Math.min(100, ((now - start) / (end - start)) * 100)}%` }} />
          </div>
        ) : null}
        <dl className="grid gap-4 sm:grid-cols-3">
          <div>
            <dt className="mb-1 text-[12px] font-medium text-ink-muted">{t("phaseNow")}</dt>
            <dd>
              {runningPhases.length === 0 ? (
                <p className="text-[13px] text-ink-faint">{t("noPhase")}</p>
              ) : (
                <ul className="flex flex-col gap-1 text-[13px]">
                  {runningPhases.map((phase) => (
                    <li key={phase.id} className="flex items-center gap-2">
                      <Badge tone={phaseStatusTone[phase.status]}>{tStatus(phase.status)}</Badge>
                      {localized(phase.title, locale)}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
          <div>
            <dt className="mb-1 text-[12px] font-medium text-ink-muted">{t("onCallNow")}</dt>
            <dd data-testid="on-call-now">
              {onShift.length === 0 ? (
                <p className="text-[13px] text-ink-faint">{t("nobodyOnCall")}</p>
              ) : (
                <ul className="flex flex-col gap-1 text-[13px]">
                  {onShift.map((shift) => (
                    <li key={shift.id}>
                      {shift.user.name} <span className="text-ink-muted">· {teamName.get(shift.teamKey) ?? shift.teamKey}</span>{" "}
                      <span className="text-[12px] text-ink-faint tabular-nums">– {dates.shortDateTime(shift.endsAt)}</span>
                    </li>
                  ))}
                </ul>
              )}
              {gapCount > 0 ? <p className="mt-1 text-[12px] text-warn">⚠ {t("gaps", { count: gapCount })}</p> : null}
            </dd>
          </div>
          <div>
            <dt className="mb-1 text-[12px] font-medium text-ink-muted">{t("openFeedback")}</dt>
            <dd className="flex items-baseline gap-2">
              <span className="text-[22px] font-semibold tabular-nums">{open.length}</span>
              <span className={critical > 0 ? "text-[13px] text-danger" : "text-[13px] text-ink-faint"}>{t("critical", { count: critical })}</span>
            </dd>
          </div>
        </dl>
        <div className="flex flex-wrap gap-2">
          <Link href={`${base}/timeline`} className={buttonClass("secondary", "sm")}>
            {t("openTimeline")}
          </Link>
          <Link href={`${base}/resources`} className={buttonClass("secondary", "sm")}>
            {t("openResources")}
          </Link>
        </div>
      </div>
    </Panel>
  );
}

function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
