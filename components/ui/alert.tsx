import type { ReactNode } from "react";
import { cn } from "@/lib/client/cn";

type AlertTone = "danger" | "warn" | "info" | "ok";

const tones: Record<AlertTone, string> = {
  danger: "border-danger/40 bg-danger-soft text-danger",
  warn: "border-warn/40 bg-warn-soft text-warn",
  info: "border-info/40 bg-info-soft text-info",
  ok: "border-ok/40 bg-ok-soft text-ok",
};

interface AlertProps {
  tone: AlertTone;
  children: ReactNode;
  // "alert" interrupts a screen reader; "status" waits its turn.
  role?: "alert" | "status";
  className?: string;
  testId?: string;
}

export function Alert({ tone, children, role = "alert", className, testId }: AlertProps) {
  return (
    <div role={role} data-testid={testId} className={cn("rounded-md border px-3 py-2 text-[13px]", tones[tone], className)}>
      {children}
    </div>
  );
}
