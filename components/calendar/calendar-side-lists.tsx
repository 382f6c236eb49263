"use client";

import { useTranslations } from "next-intl";
import type { AnnouncementDto } from "@/components/hooks/use-announcements";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { useDateFormat } from "@/components/ui/use-date-format";
import type { WorkingHours } from "@/lib/announcements/announcements.validation";
import { statusTones } from "./calendar-tones";

interface SideListProps {
  announcements: AnnouncementDto[];
  releaseZone: string;
  workingHours: WorkingHours;
  onOpen: (announcement: AnnouncementDto) => void;
}

// The calendar's warnings and problems as lists of buttons: the keyboard and
// screen-reader way to the same announcements the grid shows.
export function ConflictList({ announcements, releaseZone, workingHours, onOpen }: SideListProps) {
  const t = useTranslations("calendar");
  const dates = useDateFormat();
  const warned = announcements.filter((announcement) => announcement.conflicts.length > 0);
  return (
    <Panel title={t("conflicts.title")} id="calendar-conflicts" flush>
      {warned.length === 0 ? (
        <p className="px-4 py-3 text-[13px] text-ink-faint">{t("conflicts.empty")}</p>
      ) : (
        <ul className="divide-y divide-line" data-testid="calendar-conflicts">
          {warned.map((announcement) => (
            <li key={announcement.id}>
              <button
                type="button"
                onClick={() => onOpen(announcement)}
                className="flex w-full flex-col gap-0.5 px-4 py-2 text-left hover:bg-subtle"
                data-testid={`conflict-${announcement.key ?? announcement.id}`}
              >
                <span className="text-[13px] font-medium text-ink">
                  {announcement.title} <span className="text-ink-muted">({t(`channels.${announcement.channel}`)}, {announcement.locale})</span>
                </span>
                <span className="text-[12px] text-ink-muted">{dates.dateTime(announcement.scheduledAt)}</span>
                {announcement.conflicts.map((conflict, index) => (
                  <span key={`${conflict.code}-${index}`} className="text-[12px] text-warn">
                    ⚠ {t(`conflicts.${conflict.code}`, { ...workingHours, zone: releaseZone })}
                  </span>
                ))}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

export function AttentionList({ announcements, onOpen }: Omit<SideListProps, "releaseZone" | "workingHours">) {
  const t = useTranslations("calendar");
  const dates = useDateFormat();
  const problems = announcements.filter((announcement) => announcement.status === "held" || announcement.status === "failed");
  return (
    <Panel title={t("attention.title")} id="calendar-attention" flush>
      {problems.length === 0 ? (
        <p className="px-4 py-3 text-[13px] text-ink-faint">{t("attention.empty")}</p>
      ) : (
        <ul className="divide-y divide-line" data-testid="calendar-attention">
          {problems.map((announcement) => (
            <li key={announcement.id}>
              <button type="button" onClick={() => onOpen(announcement)} className="flex w-full flex-col gap-0.5 px-4 py-2 text-left hover:bg-subtle">
                <span className="flex items-center gap-2 text-[13px] font-medium text-ink">
                  <Badge tone={statusTones[announcement.status]}>{t(`statuses.${announcement.status}`)}</Badge>
                  {announcement.title}
                </span>
                <span className="text-[12px] text-ink-muted">{dates.dateTime(announcement.scheduledAt)}</span>
                {announcement.heldReason ? <span className="text-[12px] text-ink-muted">{announcement.heldReason}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
