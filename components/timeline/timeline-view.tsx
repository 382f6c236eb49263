"use client";

import { useEffect, useId, useMemo, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useLiveEvents } from "@/components/hooks/live-events";
import { usePermission } from "@/components/hooks/use-me";
import { useOnCall } from "@/components/hooks/use-oncall";
import { usePhases, useUpdatePhase, type Phase, type PhasePatch } from "@/components/hooks/use-phases";
import { planKeys, conflictCurrent } from "@/components/hooks/plan-queries";
import { useRelease } from "@/components/hooks/use-release";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { useDateFormat } from "@/components/ui/use-date-format";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { cn } from "@/lib/client/cn";
import { localized } from "@/lib/client/localized";
import { OnCallLane } from "./oncall-lane";
import { PhaseEditDialog } from "./phase-edit-dialog";
import { PhaseRowHeader } from "./phase-row-header";
import { PhaseBar } from "./phase-bar";
import { TimelineGrid, TimelineRow } from "./timeline-grid";
import { zooms, zoomScale, type Zoom } from "./timeline-scale";

export function TimelineView({ releaseId }: { releaseId: string }) {
  const t = useTranslations("timeline");
  const locale = useLocale();
  const dates = useDateFormat();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const instructionsId = useId();
  const { data: release, error: releaseError, refetch } = useRelease(releaseId);
  const phases = usePhases(releaseId);
  const onCall = useOnCall(releaseId);
  const canEdit = usePermission("phase.update");
  const update = useUpdatePhase(releaseId);
  const [zoom, setZoom] = useState<Zoom>("night");
  const [shiftDependents, setShiftDependents] = useState(true);
  const [editing, setEditing] = useState<Phase | null>(null);
  const [notice, setNotice] = useState<{ tone: "warn" | "danger"; text: string } | null>(null);
  const now = useNow();

  // Phase status follows operations, whose events the live stream maps to
  // other queries; refresh the phases when one arrives.
  useLiveEvents((event) => {
    if (event.kind === "release" && event.event.releaseId === releaseId && event.event.type.startsWith("operation.")) {
      void queryClient.invalidateQueries({ queryKey: planKeys.phases(releaseId) });
    }
  });

  const teamNames = useMemo(() => new Map((release?.teams ?? []).map((team) => [team.key, localized(team.name, locale)])), [release, locale]);
  const gapsByPhase = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const gap of onCall.data?.coverage ?? []) map.set(gap.phaseKey, [...(map.get(gap.phaseKey) ?? []), gap.teamKey]);
    return map;
  }, [onCall.data]);

  if (releaseError) return <ErrorState error={releaseError} onRetry={() => void refetch()} />;
  if (phases.error) return <ErrorState error={phases.error} onRetry={() => void phases.refetch()} />;
  if (!release || !phases.data) return <LoadingState />;

  const scale = zoomScale(zoom, new Date(release.windowStart), new Date(release.windowEnd));
  const snapLabel = t(`snap.${zoom}`);

  const save = (phase: Phase, patch: PhasePatch, fromDialog: boolean) => {
    setNotice(null);
    update.mutate(
      { phase, patch: { shiftDependents, ...patch } },
      {
        onSuccess: ({ shifted }) => {
          if (fromDialog) setEditing(null);
          if (shifted.length > 0) setNotice({ tone: "warn", text: t("shifted", { count: shifted.length }) });
        },
        onError: (error) => {
          const current = conflictCurrent<Phase>(error);
          if (current) {
            setEditing(null);
            setNotice({ tone: "warn", text: t("conflict", { phase: localized(current.title, locale) }) });
          } else if (!fromDialog) {
            setNotice({ tone: "danger", text: errorMessage(error) });
          }
        },
      },
    );
  };
  const move = (phase: Phase, deltaMs: number) => {
    const shift = (iso: string) => new Date(new Date(iso).getTime() + deltaMs).toISOString();
    save(phase, { startsAt: shift(phase.startsAt), ...(phase.endsAt ? { endsAt: shift(phase.endsAt) } : {}) }, false);
  };

  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={t("title")} description={t("description")} />
      <div className="flex flex-wrap items-center gap-3">
        <div role="group" aria-label={t("zoom.label")} className="inline-flex rounded-md border border-line-strong bg-surface p-0.5">
          {zooms.map((value) => (
            <button
              key={value}
              type="button"
              aria-pressed={zoom === value}
              onClick={() => setZoom(value)}
              className={cn("h-7 rounded px-2.5 text-[13px] font-medium", zoom === value ? "bg-accent-solid text-on-accent" : "text-ink-muted hover:text-ink")}
            >
              {t(`zoom.${value}`)}
            </button>
          ))}
        </div>
        {canEdit ? (
          <label className="flex items-center gap-2 text-[13px]">
            <input type="checkbox" checked={shiftDependents} onChange={(e) => setShiftDependents(e.target.checked)} data-testid="shift-dependents" />
            {t("shiftDependents")}
          </label>
        ) : (
          <p className="text-[13px] text-ink-faint">{t("readOnly")}</p>
        )}
        <span className="ml-auto flex items-center gap-1.5 text-[12px] text-ink-faint">
          <span aria-hidden className="inline-block h-3 w-0.5 bg-danger" />
          {t("now", { time: dates.shortDateTime(new Date(now).toISOString()) })}
        </span>
      </div>
      <p id={instructionsId} className="text-[12px] text-ink-faint">
        {canEdit ? t("instructions", { snap: snapLabel }) : t("instructionsReadOnly")}
      </p>
      {notice ? (
        <Alert tone={notice.tone} role={notice.tone === "danger" ? "alert" : "status"} testId="timeline-notice">
          {notice.text}
        </Alert>
      ) : null}
      <TimelineGrid scale={scale} now={now} label={t("tableLabel")}>
        {phases.data.map((phase) => (
          <TimelineRow key={phase.id} testId={`phase-row-${phase.key}`} header={<PhaseRowHeader phase={phase} teamNames={teamNames} uncoveredTeams={gapsByPhase.get(phase.key) ?? []} />}>
            <PhaseBar
              phase={phase}
              scale={scale}
              editable={canEdit && !update.isPending}
              describedBy={instructionsId}
              text={localized(phase.title, locale)}
              label={t("barLabel", {
                phase: localized(phase.title, locale),
                start: dates.shortDateTime(phase.startsAt),
                end: phase.endsAt ? dates.shortDateTime(phase.endsAt) : "—",
                status: t(`status.${phase.status}`),
              })}
              onMove={(delta) => move(phase, delta)}
              onOpen={() => {
                update.reset();
                setEditing(phase);
              }}
            />
          </TimelineRow>
        ))}
        {onCall.data ? <OnCallLane onCall={onCall.data} teamNames={teamNames} /> : null}
      </TimelineGrid>
      {editing ? (
        <PhaseEditDialog
          phase={editing}
          teams={release.teams}
          shiftDependents={shiftDependents}
          saving={update.isPending}
          error={update.error && !conflictCurrent(update.error) ? update.error : null}
          onSave={(patch) => save(editing, patch, true)}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </div>
  );
}

// The "now" line moves on its own, twice a minute.
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
