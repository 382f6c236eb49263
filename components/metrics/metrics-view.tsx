"use client";

import { useState } from "react";
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCriteria } from "@/components/hooks/use-criteria";
import { usePermission } from "@/components/hooks/use-me";
import { useLiveState } from "@/components/layout/live-context";
import { PageHeader } from "@/components/ui/page-header";
import { chartThresholds } from "./chart-style";
import { CriteriaEditor } from "./criteria-editor";
import { GuardPanel } from "./guard-panel";
import { MetricChart } from "./metric-chart";
import { chartMetrics, type MetricRange } from "./metric-series";
import { RangeSelector } from "./range-selector";
import { ScorecardPanel } from "./scorecard-panel";
import { useNow } from "./use-now";

export function MetricsView({ releaseId, initialRange }: { releaseId: string; initialRange: MetricRange }) {
  const t = useTranslations("metrics");
  const router = useRouter();
  const pathname = usePathname();
  const [range, setRange] = useState<MetricRange>(initialRange);
  const live = useLiveState() === "live";
  const now = useNow(1000);
  const { data: criteria } = useCriteria(releaseId);
  const canEditCriteria = usePermission("criteria.update");
  const canRollBack = usePermission("operation.start");

  function changeRange(next: MetricRange) {
    setRange(next);
    router.replace(`${pathname}?range=${next}`, { scroll: false });
  }

  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={t("title")} description={t("description")} actions={<RangeSelector value={range} onChange={changeRange} />} />
      <div className="grid items-start gap-4 lg:grid-cols-2">
        <GuardPanel releaseId={releaseId} criteria={criteria ?? []} canRollBack={canRollBack} />
        <ScorecardPanel releaseId={releaseId} />
      </div>
      <section aria-labelledby="metric-charts-heading" className="flex flex-col gap-2">
        <h2 id="metric-charts-heading" className="text-[13px] font-semibold">
          {t("chartsTitle")}
        </h2>
        <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
          {chartMetrics.map((metric) => (
            <MetricChart
              key={metric}
              releaseId={releaseId}
              metric={metric}
              range={range}
              live={live}
              now={now}
              thresholds={chartThresholds(metric, criteria ?? [])}
            />
          ))}
        </div>
      </section>
      <CriteriaEditor releaseId={releaseId} canUpdate={canEditCriteria} />
    </div>
  );
}
