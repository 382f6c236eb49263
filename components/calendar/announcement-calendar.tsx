"use client";

import { useMemo } from "react";
import type { DayCellMountArg, EventContentArg, EventDropArg, EventInput, EventMountArg } from "@fullcalendar/core";
import koLocale from "@fullcalendar/core/locales/ko";
import dayGridPlugin from "@fullcalendar/daygrid";
import interactionPlugin, { type DateClickArg } from "@fullcalendar/interaction";
import listPlugin from "@fullcalendar/list";
import FullCalendar from "@fullcalendar/react";
import timeGridPlugin from "@fullcalendar/timegrid";
import type { AnnouncementDto, CalendarPhaseDto } from "@/lib/announcements/announcements.validation";
import { channelColors, phaseBackground, statusMarks } from "./calendar-tones";

export interface AnnouncementCalendarProps {
  announcements: AnnouncementDto[];
  phases: CalendarPhaseDto[];
  locale: "ko" | "en";
  initialDate: string;
  mayEdit: (announcement: AnnouncementDto) => boolean;
  // Accessible name of an announcement's event ("Email, Scheduled: …").
  describe: (announcement: AnnouncementDto) => string;
  phaseTitle: (phase: CalendarPhaseDto) => string;
  onOpen: (announcement: AnnouncementDto) => void;
  onMove: (announcement: AnnouncementDto, scheduledAt: string) => void;
  // Null when the viewer may not plan anything.
  onCreateAt: ((scheduledAt: string) => void) | null;
}

const lockedStatuses = new Set(["sending", "sent"]);

// FullCalendar v6 injects its own stylesheet when it first renders, so no CSS
// import is needed; its variables are mapped onto the app's theme here.
// Times are the viewer's: `timeZone: "local"` is the browser's zone, which is
// also the zone the rest of the app formats in (components/layout/time-zone-sync.tsx).
export default function AnnouncementCalendar(props: AnnouncementCalendarProps) {
  const { announcements, phases, mayEdit, onOpen, onMove, onCreateAt, describe, phaseTitle } = props;
  const byId = useMemo(() => new Map(announcements.map((announcement) => [announcement.id, announcement])), [announcements]);

  const events = useMemo<EventInput[]>(
    () => [
      ...phases.map((phase) => ({
        id: `phase-${phase.id}`,
        title: phaseTitle(phase),
        start: phase.startsAt,
        end: phase.endsAt ?? undefined,
        display: "background",
        backgroundColor: phaseBackground,
        extendedProps: { phaseKey: phase.key },
      })),
      ...announcements.map((announcement) => {
        const color = channelColors[announcement.channel];
        const outline = announcement.status === "draft" || announcement.status === "cancelled";
        return {
          id: announcement.id,
          title: announcement.title,
          start: announcement.scheduledAt,
          allDay: false,
          editable: mayEdit(announcement) && !lockedStatuses.has(announcement.status),
          backgroundColor: outline ? "var(--surface)" : color,
          borderColor: color,
          textColor: outline ? "var(--ink)" : "#ffffff",
          classNames: [`lc-announcement-${announcement.status}`],
        };
      }),
    ],
    [announcements, phases, mayEdit, phaseTitle],
  );

  function renderContent(arg: EventContentArg) {
    const announcement = byId.get(arg.event.id);
    if (!announcement) return null;
    const warned = announcement.conflicts.length > 0;
    return (
      <span
        data-status={announcement.status}
        data-warned={warned ? "true" : "false"}
        className={`flex min-w-0 items-center gap-1 overflow-hidden px-0.5 text-[12px] leading-5 ${announcement.status === "cancelled" ? "line-through" : ""}`}
      >
        {arg.timeText ? <span className="shrink-0 font-medium tabular-nums">{arg.timeText}</span> : null}
        {statusMarks[announcement.status] ? <span aria-hidden>{statusMarks[announcement.status]}</span> : null}
        <span className="truncate">{announcement.title}</span>
        <span className="shrink-0">({announcement.locale})</span>
        {warned ? <span aria-hidden>⚠</span> : null}
      </span>
    );
  }

  function didMount(arg: EventMountArg) {
    const announcement = byId.get(arg.event.id);
    if (!announcement) {
      if (arg.event.display === "background") arg.el.setAttribute("title", arg.event.title);
      return;
    }
    arg.el.setAttribute("data-testid", `announcement-${announcement.key ?? announcement.id}`);
    arg.el.setAttribute("aria-label", describe(announcement));
    arg.el.setAttribute("title", describe(announcement));
  }

  // A fix to FullCalendar's markup for screen readers (axe): a day cell is
  // named by its date link only, which hides the events inside it, so it is
  // left unnamed. (Its toolbar chevrons are unnamed role="img" icons, so the
  // calendar uses text arrows instead: `buttonIcons={false}`.)
  function unlabelDayCell(arg: DayCellMountArg) {
    arg.el.removeAttribute("aria-labelledby");
  }


  function drop(arg: EventDropArg) {
    const announcement = byId.get(arg.event.id);
    const start = arg.event.start;
    if (!announcement || !start) {
      arg.revert();
      return;
    }
    onMove(announcement, start.toISOString());
  }

  return (
    <div>
      <FullCalendar
        plugins={[dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin]}
        locales={[koLocale]}
        locale={props.locale}
        timeZone="local"
        initialView="dayGridMonth"
        initialDate={props.initialDate}
        headerToolbar={{ left: "prev,next today", center: "title", right: "dayGridMonth,timeGridWeek,listMonth" }}
        buttonIcons={false}
        buttonText={{ prev: "‹", next: "›" }}
        height="auto"
        events={events}
        eventDisplay="block"
        eventOrder="start,title"
        eventTimeFormat={{ hour: "2-digit", minute: "2-digit", hour12: false }}
        slotLabelFormat={{ hour: "2-digit", minute: "2-digit", hour12: false }}
        dayMaxEvents={false}
        allDaySlot={false}
        nowIndicator
        eventInteractive
        editable={false}
        eventDurationEditable={false}
        eventContent={renderContent}
        eventDidMount={didMount}
        eventDrop={drop}
        dayCellDidMount={unlabelDayCell}
        eventClick={(arg) => {
          const announcement = byId.get(arg.event.id);
          if (!announcement) return;
          arg.jsEvent.preventDefault();
          onOpen(announcement);
        }}
        dateClick={
          onCreateAt
            ? (arg: DateClickArg) => {
                // A click on a day in the month view means "that day, 10:00".
                const at = new Date(arg.date);
                if (arg.view.type === "dayGridMonth") at.setHours(10, 0, 0, 0);
                onCreateAt(at.toISOString());
              }
            : undefined
        }
      />
    </div>
  );
}
