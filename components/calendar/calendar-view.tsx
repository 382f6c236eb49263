"use client";

import { useCallback, useState } from "react";
import dynamic from "next/dynamic";
import { useLocale, useTranslations } from "next-intl";
import { useAnnouncements, useRescheduleAnnouncement, type AnnouncementDto } from "@/components/hooks/use-announcements";
import { useMe } from "@/components/hooks/use-me";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { useDateFormat } from "@/components/ui/use-date-format";
import { useErrorMessage } from "@/components/ui/use-error-message";
import type { AnnouncementAudience, CalendarPhaseDto } from "@/lib/announcements/announcements.validation";
import { isApiError } from "@/lib/client/api";
import { localized } from "@/lib/client/localized";
import { AnnouncementEditor, type EditorTarget } from "./announcement-editor";
import { AttentionList, ConflictList } from "./calendar-side-lists";
import { calendarTheme } from "./calendar-tones";
import { SubscribePanel } from "./subscribe-panel";

// FullCalendar measures the DOM; it renders in the browser only.
const AnnouncementCalendar = dynamic(() => import("./announcement-calendar"), { ssr: false, loading: () => <LoadingState /> });

type LanguageFilter = "all" | "ko" | "en";

export function CalendarView({ releaseId }: { releaseId: string }) {
  const t = useTranslations("calendar");
  const locale = useLocale();
  const dates = useDateFormat();
  const errorMessage = useErrorMessage();
  const { data: me } = useMe();
  const { data, error, refetch } = useAnnouncements(releaseId);
  const [language, setLanguage] = useState<LanguageFilter>("all");
  const [editing, setEditing] = useState<EditorTarget | null>(null);
  const [status, setStatus] = useState<{ tone: "ok" | "warn" | "danger"; text: string } | null>(null);

  const permissions = me?.permissions ?? [];
  const mayEdit = useCallback(
    (audience: AnnouncementAudience) => permissions.includes(audience === "external" ? "announcement.edit" : "announcement.edit_internal"),
    [permissions],
  );
  const maySend = useCallback(
    (audience: AnnouncementAudience) => permissions.includes(audience === "external" ? "announcement.send_external" : "announcement.edit_internal"),
    [permissions],
  );
  const mayEditAnnouncement = useCallback((announcement: AnnouncementDto) => mayEdit(announcement.audience), [mayEdit]);
  const describe = useCallback(
    (announcement: AnnouncementDto) =>
      t("eventLabel", {
        channel: t(`channels.${announcement.channel}`),
        status: t(`statuses.${announcement.status}`),
        title: announcement.title,
        time: dates.dateTime(announcement.scheduledAt),
      }),
    [t, dates],
  );
  const phaseTitle = useCallback((phase: CalendarPhaseDto) => t("phase", { title: localized(phase.title, locale) }), [t, locale]);

  const reschedule = useRescheduleAnnouncement(releaseId, {
    onConflict: (current) => setStatus({ tone: "warn", text: t("moveConflict", { title: current.title }) }),
  });
  const move = useCallback(
    (announcement: AnnouncementDto, scheduledAt: string) => {
      setStatus(null);
      reschedule.mutate(
        { announcement, scheduledAt },
        {
          onSuccess: ({ announcement: moved }) => setStatus({ tone: "ok", text: t("moved", { title: moved.title, time: dates.dateTime(moved.scheduledAt) }) }),
          onError: (failure) => {
            if (isApiError(failure) && failure.code === "VERSION_CONFLICT") return;
            setStatus({ tone: "danger", text: t("moveFailed", { title: announcement.title, reason: errorMessage(failure) }) });
          },
        },
      );
    },
    [reschedule, t, dates, errorMessage],
  );
  const open = useCallback((announcement: AnnouncementDto) => setEditing({ kind: "edit", announcement }), []);
  const canPlan = mayEdit("internal") || mayEdit("external");
  const createAt = useCallback((scheduledAt: string) => setEditing({ kind: "new", scheduledAt }), []);

  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!data || !me) return <LoadingState label={t("loadingCalendar")} />;

  const announcements = language === "all" ? data.announcements : data.announcements.filter((announcement) => announcement.locale === language);
  const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title={t("title")}
        description={t("description", { zone: viewerZone, releaseZone: data.release.timezone })}
        actions={
          <div className="flex flex-wrap items-end gap-2">
            <label className="flex flex-col gap-1 text-[12px] font-medium text-ink-muted">
              {t("languageFilter")}
              <select
                value={language}
                onChange={(event) => setLanguage(event.target.value === "ko" || event.target.value === "en" ? event.target.value : "all")}
                className="h-8 rounded-md border border-line-strong bg-surface px-2 text-[13px] text-ink"
                data-testid="calendar-language-filter"
              >
                <option value="all">{t("allLanguages")}</option>
                <option value="ko">{t("locales.ko")}</option>
                <option value="en">{t("locales.en")}</option>
              </select>
            </label>
            {canPlan ? (
              <Button variant="primary" onClick={() => createAt(data.release.windowEnd)} data-testid="calendar-new-announcement">
                {t("newAnnouncement")}
              </Button>
            ) : null}
          </div>
        }
      />
      {!canPlan ? (
        <Alert tone="info" role="status" testId="calendar-read-only">
          {t("readOnly")}
        </Alert>
      ) : !mayEdit("external") ? (
        <Alert tone="info" role="status" testId="calendar-internal-only">
          {t("internalOnly")}
        </Alert>
      ) : null}
      <div aria-live="polite" data-testid="calendar-status">
        {status ? <Alert tone={status.tone} role="status">{status.text}</Alert> : null}
      </div>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <section aria-label={t("calendarLabel")} data-testid="calendar" className={`rounded-lg border border-line bg-surface p-3 ${calendarTheme}`}>
          <AnnouncementCalendar
            announcements={announcements}
            phases={data.phases}
            locale={locale === "ko" ? "ko" : "en"}
            initialDate={data.release.windowStart}
            mayEdit={mayEditAnnouncement}
            describe={describe}
            phaseTitle={phaseTitle}
            onOpen={open}
            onMove={move}
            onCreateAt={canPlan ? createAt : null}
          />
        </section>
        <div className="flex flex-col gap-4">
          <ConflictList announcements={announcements} releaseZone={data.release.timezone} workingHours={data.workingHours} onOpen={open} />
          <AttentionList announcements={announcements} onOpen={open} />
          <SubscribePanel releaseId={releaseId} />
        </div>
      </div>
      {editing ? (
        <AnnouncementEditor
          key={editing.kind === "edit" ? editing.announcement.id : "new"}
          releaseId={releaseId}
          releaseZone={data.release.timezone}
          workingHours={data.workingHours}
          target={editing}
          mayEdit={mayEdit}
          maySend={maySend}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </div>
  );
}
