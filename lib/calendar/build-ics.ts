import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export type CalendarLanguage = "ko" | "en";

const channelLabels: Record<string, Record<CalendarLanguage, string>> = {
  email: { en: "Email", ko: "이메일" },
  website: { en: "Website", ko: "웹사이트" },
  social: { en: "Social media", ko: "소셜 미디어" },
  press: { en: "Press", ko: "보도" },
  slack: { en: "Slack", ko: "Slack" },
  internal_meeting: { en: "Internal meeting", ko: "내부 회의" },
};

const statusLabels: Record<string, Record<CalendarLanguage, string>> = {
  draft: { en: "Draft", ko: "초안" },
  scheduled: { en: "Scheduled", ko: "예약됨" },
  sending: { en: "Sending", ko: "발송 중" },
  sent: { en: "Sent", ko: "발송됨" },
  failed: { en: "Failed", ko: "실패" },
  held: { en: "Held", ko: "보류" },
  cancelled: { en: "Cancelled", ko: "취소됨" },
};

const phaseLabel: Record<CalendarLanguage, string> = { en: "Phase", ko: "단계" };
// An announcement is a moment; calendars need a span to draw it.
const announcementMinutes = 30;
const openPhaseMinutes = 60;

// The release's calendar as iCalendar (RFC 5545) for Google Calendar, Outlook
// and Apple Calendar: one VEVENT per announcement and phase, times in UTC
// (valid everywhere without a VTIMEZONE), the release's zone named in
// X-WR-TIMEZONE, UIDs stable per item and SEQUENCE = its version, so an
// update replaces the event instead of adding one. Cancelled announcements
// stay as STATUS:CANCELLED so subscribed calendars drop them.
export async function buildReleaseCalendar(releaseId: string, language: CalendarLanguage, now: Date = new Date()): Promise<{ filename: string; ics: string }> {
  const release = await prisma.release.findUnique({
    where: { id: releaseId },
    select: {
      id: true,
      version: true,
      nameKo: true,
      nameEn: true,
      timezone: true,
      announcements: { select: { id: true, channel: true, audience: true, locale: true, title: true, body: true, scheduledAt: true, status: true, version: true }, orderBy: [{ scheduledAt: "asc" }, { id: "asc" }] },
      phases: { select: { id: true, key: true, titleKo: true, titleEn: true, startsAt: true, endsAt: true, version: true }, orderBy: { position: "asc" } },
    },
  });
  if (!release) throw new AppError("NOT_FOUND", "Release not found");
  const name = `${language === "ko" ? release.nameKo : release.nameEn}`;

  const calendar = ical({
    name,
    description: language === "ko" ? `${name}의 공지와 단계` : `Announcements and phases of ${name}`,
    prodId: { company: "Launch Control", product: "Launch calendar", language: language.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    // Calendar apps poll a feed at their own pace; this asks for an hour.
    ttl: 3600,
  });
  calendar.x([{ key: "X-WR-TIMEZONE", value: release.timezone }]);

  for (const announcement of release.announcements) {
    const channel = channelLabels[announcement.channel]?.[language] ?? announcement.channel;
    const status = statusLabels[announcement.status]?.[language] ?? announcement.status;
    calendar.createEvent({
      id: `announcement-${announcement.id}@launch-control`,
      sequence: announcement.version,
      stamp: now,
      start: announcement.scheduledAt,
      end: new Date(announcement.scheduledAt.getTime() + announcementMinutes * 60_000),
      summary: `[${channel}] ${announcement.title}`,
      description: `${status} · ${announcement.audience} · ${announcement.locale}\n\n${announcement.body}`,
      categories: [{ name: channel }],
      status: announcement.status === "cancelled" ? ICalEventStatus.CANCELLED : announcement.status === "draft" ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
    });
  }
  for (const phase of release.phases) {
    const title = language === "ko" ? phase.titleKo : phase.titleEn;
    calendar.createEvent({
      id: `phase-${phase.id}@launch-control`,
      sequence: phase.version,
      stamp: now,
      start: phase.startsAt,
      end: phase.endsAt ?? new Date(phase.startsAt.getTime() + openPhaseMinutes * 60_000),
      summary: `${phaseLabel[language]}: ${title}`,
      categories: [{ name: phaseLabel[language] }],
      status: ICalEventStatus.CONFIRMED,
    });
  }
  return { filename: `${release.version.replace(/[^A-Za-z0-9._-]/g, "_")}-calendar.ics`, ics: calendar.toString() };
}

export function icsResponse(ics: string, filename: string, disposition: "attachment" | "inline"): Response {
  return new Response(ics, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `${disposition}; filename="${filename}"`,
      "cache-control": "private, no-store",
    },
  });
}
