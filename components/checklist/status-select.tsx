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
  // "row" fits a 36 px checklist row; "form" matches the editor's fields.
  size?: "row" | "form";
}

export function StatusSelect({ id, value, label, disabled, onChange, size = "row" }: StatusSelectProps) {
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
        "w-full rounded-md border px-1.5 font-medium disabled:cursor-not-allowed disabled:opacity-70",
        size === "row" ? "h-7 text-[12px]" : "h-8 text-[13px]",
        toneClass[value],
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
