import type { ReactNode } from "react";
import { cn } from "@/lib/client/cn";

export type Tone = "neutral" | "muted" | "ok" | "info" | "danger" | "warn" | "accent";

const tones: Record<Tone, string> = {
  neutral: "bg-surface text-ink-muted border-line-strong",
  muted: "bg-neutral-soft text-ink-muted border-transparent",
  ok: "bg-ok-soft text-ok border-transparent",
  info: "bg-info-soft text-info border-transparent",
  danger: "bg-danger-soft text-danger border-transparent",
  warn: "bg-warn-soft text-warn border-transparent",
  accent: "bg-accent-soft text-accent border-transparent",
};

export function Badge({ tone = "neutral", children, className }: { tone?: Tone; children: ReactNode; className?: string }) {
  return (
    <span
      className={cn(
        "inline-flex h-5 shrink-0 items-center rounded border px-1.5 text-[12px] leading-none font-medium whitespace-nowrap",
        tones[tone],
        className,
      )}
    >
      {children}
    </span>
  );
}
