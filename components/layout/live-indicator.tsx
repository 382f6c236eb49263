"use client";

import { useTranslations } from "next-intl";
import { cn } from "@/lib/client/cn";
import { useLiveState } from "./live-context";

const dots = {
  live: "bg-ok-bar",
  connecting: "bg-warn animate-pulse",
  offline: "bg-danger",
} as const;

export function LiveIndicator() {
  const t = useTranslations("shell.live");
  const state = useLiveState();
  if (state === "idle") return null;
  return (
    <span
      role="status"
      data-testid="live-indicator"
      data-state={state}
      title={t(`${state}Hint`)}
      className="inline-flex h-7 items-center gap-1.5 rounded-md px-2 text-[12px] font-medium text-ink-muted"
    >
      <span aria-hidden className={cn("size-2 rounded-full", dots[state])} />
      {t(state)}
    </span>
  );
}
