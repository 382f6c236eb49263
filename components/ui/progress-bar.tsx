import { cn } from "@/lib/client/cn";

interface ProgressBarProps {
  value: number;
  max: number;
  label: string;
  thick?: boolean;
  className?: string;
}

export function ProgressBar({ value, max, label, thick, className }: ProgressBarProps) {
  const percent = max > 0 ? Math.round((value / max) * 100) : 0;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
      aria-valuetext={`${value} / ${max}`}
      className={cn("w-full overflow-hidden rounded-full bg-neutral-soft", thick ? "h-2" : "h-1.5", className)}
    >
      <div className="h-full rounded-full bg-ok-bar transition-[width] duration-300" style={{ width: `${percent}%` }} />
    </div>
  );
}
