"use client";

import { useTranslations } from "next-intl";
import { cn } from "@/lib/client/cn";
import { metricRanges, type MetricRange } from "./metric-series";

// Native radios: Tab reaches the group, the arrow keys move the choice.
export function RangeSelector({ value, onChange }: { value: MetricRange; onChange: (range: MetricRange) => void }) {
  const t = useTranslations("metrics.range");
  return (
    <fieldset data-testid="metrics-range" className="inline-flex rounded-md border border-line-strong bg-surface p-0.5">
      <legend className="sr-only">{t("label")}</legend>
      {metricRanges.map((range) => (
        <label
          key={range}
          className={cn(
            "flex h-7 cursor-pointer items-center rounded px-3 text-[13px] font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-focus",
            range === value ? "bg-accent-soft text-accent" : "text-ink-muted hover:text-ink",
          )}
        >
          <input
            type="radio"
            name="metrics-range"
            value={range}
            checked={range === value}
            onChange={() => onChange(range)}
            className="sr-only"
          />
          {t(range)}
        </label>
      ))}
    </fieldset>
  );
}
