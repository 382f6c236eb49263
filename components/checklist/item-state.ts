import type { Tone } from "@/components/ui/badge";
import type { ChecklistItem, ChecklistStatus } from "@/lib/client/types";

export const statusTone: Record<ChecklistStatus, Tone> = {
  todo: "neutral",
  in_progress: "info",
  done: "ok",
  blocked: "danger",
  n_a: "muted",
};

export function isOverdue(item: ChecklistItem, now: Date): boolean {
  return item.dueAt !== null && item.status !== "done" && item.status !== "n_a" && new Date(item.dueAt) < now;
}

// Only web links become clickable; anything else is shown as text.
export function isWebUrl(value: string | null): value is string {
  return value !== null && /^https?:\/\//i.test(value);
}
