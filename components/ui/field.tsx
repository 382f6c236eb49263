import type { ReactNode } from "react";
import { cn } from "@/lib/client/cn";

export const controlClass = cn(
  "h-8 w-full rounded-md border border-line-strong bg-surface px-2 text-[13px] text-ink",
  "placeholder:text-ink-faint disabled:cursor-not-allowed disabled:opacity-60",
);

export const textareaClass = cn(controlClass, "h-auto min-h-20 py-1.5");

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
