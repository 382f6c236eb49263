"use client";

import { useTranslations } from "next-intl";
import { cn } from "@/lib/client/cn";
import { checklistStatuses, type ChecklistStatus } from "@/lib/client/types";

const toneClass: Record<ChecklistStatus, string> = {
  todo: "bg-surface text-ink border-line-strong",
  in_progress: "bg-info-soft text-info border-transparent",
  done: "bg-ok-soft text-ok border-transparent",
  blocked: "bg-danger-soft text-danger border-transparent",
  n_a: "bg-neutral-soft text-ink-muted border-transparent",
};

interface StatusSelectProps {
  id?: string;
  value: ChecklistStatus;
  label: string;
  disabled?: boolean;
  onChange: (status: ChecklistStatus) => void;
  className?: string;
}

export function StatusSelect({ id, value, label, disabled, onChange, className }: StatusSelectProps) {
  const t = useTranslations("checklist.status");
  return (
    <select
      id={id}
      aria-label={label}
      value={value}
      disabled={disabled}
      onChange={(event) => {
        const next = checklistStatuses.find((status) => status === event.target.value);
        if (next) onChange(next);
      }}
      className={cn(
        "h-7 w-full rounded-md border px-1.5 text-[12px] font-medium disabled:cursor-not-allowed disabled:opacity-70",
        toneClass[value],
        className,
      )}
    >
      {checklistStatuses.map((status) => (
        <option key={status} value={status}>
          {t(status)}
        </option>
      ))}
    </select>
  );
}
