import type { ReactNode } from "react";
import { cn } from "@/lib/client/cn";

// Size-free base, so callers can pick a height and width without fighting it.
export const controlBase = cn(
  "rounded-md border border-line-strong bg-surface px-2 text-[13px] text-ink",
  "placeholder:text-ink-faint disabled:cursor-not-allowed disabled:opacity-60",
);

export const controlClass = cn(controlBase, "h-8 w-full");

export const textareaClass = cn(controlBase, "min-h-20 w-full py-1.5");

interface FieldProps {
  label: string;
  htmlFor: string;
  hint?: string;
  children: ReactNode;
  className?: string;
}

export function Field({ label, htmlFor, hint, children, className }: FieldProps) {
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <label htmlFor={htmlFor} className="text-[12px] font-medium text-ink-muted">
        {label}
      </label>
      {children}
      {hint ? <p className="text-[12px] text-ink-faint">{hint}</p> : null}
    </div>
  );
}
