"use client";

import { useContext, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { OnCall } from "@/components/hooks/use-oncall";
import { useDateFormat } from "@/components/ui/use-date-format";
import { TimelineRow } from "./timeline-grid";
import { barGeometry, type TimeRange } from "./timeline-scale";
import { ScaleContext } from "./scale-context";

// One lane per team on the rota (or owning a phase in the window), its
// shifts as bars and the stretches nobody covers hatched.
export function OnCallLane({ onCall, teamNames }: { onCall: OnCall; teamNames: Map<string, string> }) {
  const t = useTranslations("timeline.onCall");
  const teamKeys = [...new Set([...onCall.shifts.map((shift) => shift.teamKey), ...onCall.coverage.map((gap) => gap.teamKey)])];
  return (
    <>
      <TimelineRow tone="lane" header={<p className="text-[12px] font-semibold text-ink-muted">{t("title")}</p>}>
        <WindowBand window={onCall.window} label={t("window")} />
      </TimelineRow>
      {teamKeys.length === 0 ? (
        <TimelineRow tone="lane" header={<p className="text-[12px] text-ink-faint">{t("empty")}</p>}>
          {null}
        </TimelineRow>
      ) : null}
      {teamKeys.map((teamKey) => (
        <TimelineRow key={teamKey} tone="lane" testId={`oncall-row-${teamKey}`} header={<p className="text-[12px] text-ink">{teamNames.get(teamKey) ?? teamKey}</p>}>
          <TeamShifts onCall={onCall} teamKey={teamKey} teamName={teamNames.get(teamKey) ?? teamKey} />
        </TimelineRow>
      ))}
    </>
  );
}

function WindowBand({ window, label }: { window: OnCall["window"]; label: string }) {
  const range = useContext(ScaleContext);
  const geometry = range ? barGeometry(new Date(window.startsAt).getTime(), new Date(window.endsAt).getTime(), range) : null;
  if (!geometry) return null;
  return (
    <span className="absolute top-2 bottom-2 rounded bg-accent-soft px-1.5 text-[11px] leading-6 whitespace-nowrap text-accent" style={{ left: `${geometry.leftPct}%`, width: `${geometry.widthPct}%` }}>
      {label}
    </span>
  );
}

function TeamShifts({ onCall, teamKey, teamName }: { onCall: OnCall; teamKey: string; teamName: string }) {
  const t = useTranslations("timeline.onCall");
  const range = useContext(ScaleContext);
  const dates = useDateFormat();
  if (!range) return null;
  const gaps = onCall.coverage.filter((gap) => gap.teamKey === teamKey).flatMap((gap) => gap.gaps);
  const uniqueGaps = [...new Map(gaps.map((gap) => [`${gap.from}-${gap.to}`, gap])).values()];
  return (
    <>
      {uniqueGaps.map((gap) => (
        <Span key={`gap-${gap.from}`} range={range} from={gap.from} to={gap.to} className="bg-[repeating-linear-gradient(45deg,transparent_0_4px,var(--color-warn-soft)_4px_8px)] border border-dashed border-warn">
          <span className="sr-only">{t("gap", { team: teamName, from: dates.shortDateTime(gap.from), to: dates.shortDateTime(gap.to) })}</span>
        </Span>
      ))}
      {onCall.shifts
        .filter((shift) => shift.teamKey === teamKey)
        .map((shift) => (
          <Span key={shift.id} range={range} from={shift.startsAt} to={shift.endsAt} className="z-[1] border border-info bg-info-soft text-info">
            <span className="sr-only">{t("shift", { name: shift.user.name, from: dates.shortDateTime(shift.startsAt), to: dates.shortDateTime(shift.endsAt) })}</span>
            <span aria-hidden>{shift.user.name}</span>
          </Span>
        ))}
    </>
  );
}

function Span({ range, from, to, className, children }: { range: TimeRange; from: string; to: string; className: string; children: ReactNode }) {
  const geometry = barGeometry(new Date(from).getTime(), new Date(to).getTime(), range);
  if (!geometry) return null;
  return (
    <span className={`absolute top-2 bottom-2 overflow-hidden rounded px-1 text-[11px] leading-6 whitespace-nowrap ${className}`} style={{ left: `${geometry.leftPct}%`, width: `${geometry.widthPct}%` }}>
      {children}
    </span>
  );
}
