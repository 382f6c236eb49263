"use client";

import { useCallback } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { unitOf } from "./metric-series";

// A metric's value with its unit, in the viewer's locale: "99.95%", "180 ms",
// "1,204 req/s"; custom metrics as plain numbers.
export function useMetricFormat(): (metric: string, value: number) => string {
  const format = useFormatter();
  const t = useTranslations("metrics.units");
  return useCallback(
    (metric: string, value: number) => {
      switch (unitOf(metric)) {
        case "percent":
          return format.number(value / 100, { style: "percent", maximumFractionDigits: 2 });
        case "ms":
          return format.number(value, { style: "unit", unit: "millisecond", unitDisplay: "short", maximumFractionDigits: 0 });
        case "rps":
          return t("rps", { value: format.number(value, { maximumFractionDigits: 1 }) });
        case null:
          return format.number(value, { maximumFractionDigits: 2 });
      }
    },
    [format, t],
  );
}
