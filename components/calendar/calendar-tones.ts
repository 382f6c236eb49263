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
