"use client";

import { useId } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { useMetricSeries } from "@/components/hooks/use-metrics";
import { Badge } from "@/components/ui/badge";
import { ErrorState } from "@/components/ui/states";
import type { Environment, MetricSeries } from "@/lib/client/types";
import { chartSeries, maxChartPoints, rangeMs, timeTicks, type ChartMetric, type MetricRange } from "./metric-series";
import { environmentLine, thresholdLine, type ChartThreshold } from "./chart-style";
import { useMetricFormat } from "./use-metric-format";

interface MetricChartProps {
  releaseId: string;
  metric: ChartMetric;
  range: MetricRange;
  live: boolean;
  now: number;
  thresholds: ChartThreshold[];
}

const environments: readonly Environment[] = ["blue", "green"];

// Blue and green of one metric over the range, with the criteria's thresholds.
// Missing samples are gaps, never zeros; a quiet or failing source says so.
export function MetricChart({ releaseId, metric, range, live, now, thresholds }: MetricChartProps) {
  const t = useTranslations("metrics");
  const format = useFormatter();
  const formatValue = useMetricFormat();
  const headingId = useId();
  const blue = useMetricSeries(releaseId, metric, "blue", range, live);
  const green = useMetricSeries(releaseId, metric, "green", range, live);
  const series: Record<Environment, MetricSeries | undefined> = { blue: blue.data, green: green.data };
  const from = now - rangeMs[range];
  const window = { from, to: now, maxPoints: maxChartPoints };
  const lines = environments.map((environment) => ({ environment, points: chartSeries(series[environment]?.points ?? [], window) }));
  const empty = lines.every((line) => line.points.length === 0);
  const title = t(`names.${metric}`);
  const error = blue.error ?? green.error;
  const tickTime = (at: number) =>
    format.dateTime(new Date(at), rangeMs[range] > 6 * 3_600_000 ? { weekday: "short", hour: "2-digit", minute: "2-digit" } : { hour: "2-digit", minute: "2-digit" });

  return (
    <section
      aria-labelledby={headingId}
      data-testid={`metric-chart-${metric}`}
      data-source-blue={series.blue?.source?.status}
      data-source-green={series.green?.source?.status}
      className="flex min-w-0 flex-col gap-2 rounded-lg border border-line bg-surface p-3"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="text-[13px] font-semibold">
          {title}
        </h3>
        <div className="flex flex-wrap items-center gap-1.5">
          {environments.map((environment) => (
            <SourceBadge key={environment} environment={environment} series={series[environment]} />
          ))}
        </div>
      </div>
      <Legend thresholds={thresholds} />
      {error && empty ? (
        <ErrorState error={error} onRetry={() => void Promise.all([blue.refetch(), green.refetch()])} />
      ) : (
        <div className="relative h-48 w-full">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart
              accessibilityLayer={false}
              role="img"
              title={t("chartLabel", { metric: title })}
              desc={t("chartDescription", { range: t(`range.${range}`) })}
              margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
            >
              <CartesianGrid stroke="var(--line)" vertical={false} />
              <XAxis
                dataKey="at"
                type="number"
                scale="time"
                domain={[from, now]}
                ticks={timeTicks(from, now)}
                tickFormatter={tickTime}
                allowDataOverflow
                stroke="var(--ink-faint)"
                tick={{ fontSize: 11, fill: "var(--ink-muted)" }}
              />
              <YAxis
                width={64}
                tickFormatter={(value: number) => formatValue(metric, value)}
                stroke="var(--ink-faint)"
                tick={{ fontSize: 11, fill: "var(--ink-muted)" }}
              />
              {thresholds.map((threshold) => (
                <ReferenceLine key={threshold.id} y={threshold.value} ifOverflow="extendDomain" {...thresholdLine[threshold.kind]} />
              ))}
              {lines.map(({ environment, points }) => (
                <Line
                  key={environment}
                  data={points}
                  dataKey="value"
                  name={t(`environments.${environment}`)}
                  connectNulls={false}
                  dot={false}
                  isAnimationActive={false}
                  {...environmentLine[environment]}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
          {empty && !blue.isPending && !green.isPending ? (
            <p className="absolute inset-0 flex items-center justify-center text-[12px] text-ink-faint">{t("noSamples")}</p>
          ) : null}
        </div>
      )}
      <LatestValues metric={metric} title={title} series={series} />
    </section>
  );
}

function Legend({ thresholds }: { thresholds: ChartThreshold[] }) {
  const t = useTranslations("metrics");
  const formatValue = useMetricFormat();
  return (
    <ul aria-hidden className="flex flex-wrap gap-x-3 gap-y-1 text-[11px] text-ink-muted">
      {environments.map((environment) => (
        <li key={environment} className="flex items-center gap-1">
          <svg width="18" height="6">
            <line x1="0" y1="3" x2="18" y2="3" {...environmentLine[environment]} />
          </svg>
          {t(`environments.${environment}`)}
        </li>
      ))}
      {thresholds.map((threshold) => (
        <li key={threshold.id} className="flex items-center gap-1">
          <svg width="18" height="6">
            <line x1="0" y1="3" x2="18" y2="3" strokeWidth="1.5" {...thresholdLine[threshold.kind]} />
          </svg>
          {t(`thresholds.${threshold.kind}`, { comparator: threshold.symbol, value: formatValue(threshold.metric, threshold.value) })}
        </li>
      ))}
    </ul>
  );
}

function SourceBadge({ environment, series }: { environment: Environment; series: MetricSeries | undefined }) {
  const t = useTranslations("metrics");
  const { dateTime } = useFormatter();
  if (!series?.source || series.source.status === "ok") return null;
  const { status, lastSampleAt, lastError } = series.source;
  const lastSeen = lastSampleAt ? t("source.lastSample", { time: dateTime(new Date(lastSampleAt), { dateStyle: "short", timeStyle: "medium" }) }) : t("source.never");
  return (
    <span title={lastError ? `${lastSeen} · ${lastError}` : lastSeen} data-testid={`source-${environment}-${status}`}>
      <Badge tone={status === "failing" ? "danger" : "warn"}>
        {t(`source.${status}`, { environment: t(`environments.${environment}`) })}
      </Badge>
    </span>
  );
}

// The chart's numbers for those who cannot see it: the newest value of each
// fleet, or why there is none.
function LatestValues({ metric, title, series }: { metric: string; title: string; series: Record<Environment, MetricSeries | undefined> }) {
  const t = useTranslations("metrics");
  const { dateTime } = useFormatter();
  const formatValue = useMetricFormat();
  return (
    <table className="sr-only">
      <caption>{t("latestCaption", { metric: title })}</caption>
      <thead>
        <tr>
          <th scope="col">{t("latest.environment")}</th>
          <th scope="col">{t("latest.value")}</th>
          <th scope="col">{t("latest.at")}</th>
          <th scope="col">{t("latest.source")}</th>
        </tr>
      </thead>
      <tbody>
        {environments.map((environment) => {
          const latest = series[environment]?.points.at(-1);
          const status = series[environment]?.source?.status;
          return (
            <tr key={environment}>
              <th scope="row">{t(`environments.${environment}`)}</th>
              <td>{latest ? formatValue(metric, latest.value) : t("latest.none")}</td>
              <td>{latest ? dateTime(new Date(latest.at), { timeStyle: "medium" }) : "—"}</td>
              <td>{status ? t(`source.state.${status}`) : "—"}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
