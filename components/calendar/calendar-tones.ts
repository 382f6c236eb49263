import type { AnnouncementChannel, AnnouncementStatus } from "@/lib/announcements/announcements.validation";
import type { Tone } from "@/components/ui/badge";

// Solid channel colours that carry white text at WCAG AA contrast in both
// themes; drafts and cancelled ones are drawn as outlines instead.
export const channelColors: Record<AnnouncementChannel, string> = {
  email: "#4338ca",
  website: "#0f766e",
  social: "#be185d",
  press: "#b45309",
  slack: "#7e22ce",
  internal_meeting: "#475569",
};

export const statusTones: Record<AnnouncementStatus, Tone> = {
  draft: "muted",
  scheduled: "info",
  sending: "accent",
  sent: "ok",
  failed: "danger",
  held: "warn",
  cancelled: "neutral",
};

export const statusMarks: Record<AnnouncementStatus, string> = {
  draft: "✎",
  scheduled: "",
  sending: "…",
  sent: "✓",
  failed: "✕",
  held: "⏸",
  cancelled: "⊘",
};

export const phaseBackground = "rgba(79, 70, 229, 0.12)";

// FullCalendar's theme variables mapped onto the app's, so both themes apply.
// Its own stylesheet is unlayered and so outranks Tailwind's layers: rules
// that target the same elements as FullCalendar's need `!`.
export const calendarTheme = [
  "[--fc-border-color:var(--line)]",
  "[--fc-page-bg-color:var(--surface)]",
  "[--fc-neutral-bg-color:var(--subtle)]",
  "[--fc-list-event-hover-bg-color:var(--subtle)]",
  "[--fc-today-bg-color:var(--accent-soft)]",
  "[--fc-button-bg-color:var(--accent-solid)]",
  "[--fc-button-border-color:var(--accent-solid)]",
  "[--fc-button-active-bg-color:#3730a3]",
  "[--fc-button-active-border-color:#3730a3]",
  "[--fc-button-hover-bg-color:#4338ca]",
  "[--fc-button-hover-border-color:#4338ca]",
  "[&_.fc-toolbar-title]:text-[16px]! [&_.fc-toolbar-title]:font-semibold",
  // Days of the neighbouring months are dimmed by colour, not by opacity, so
  // their numbers keep a readable contrast.
  "[&_.fc-day-other_.fc-daygrid-day-top]:opacity-100! [&_.fc-day-other_.fc-daygrid-day-number]:text-ink-faint",
  "[&_.fc-col-header-cell-cushion]:text-ink [&_.fc-daygrid-day-number]:text-ink [&_.fc-list-day-text]:text-ink [&_.fc-list-day-side-text]:text-ink",
].join(" ");
