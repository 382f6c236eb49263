"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Panel } from "@/components/ui/panel";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { cn } from "@/lib/client/cn";
import type { Environment, Traffic } from "@/lib/client/types";

interface TrafficPanelProps {
  rehearsal: boolean;
  traffic: Traffic | undefined;
  error: unknown;
  onRetry: () => void;
  className?: string;
}

export function TrafficPanel({ rehearsal, traffic, error, onRetry, className }: TrafficPanelProps) {
  const t = useTranslations("control.traffic");
  const format = useFormatter();
  return (
    <Panel
      title={rehearsal ? t("titleRehearsal") : t("title")}
      id="traffic"
      className={className}
      actions={
        traffic ? (
          <span className="text-[12px] text-ink-faint tabular-nums">
            {t("readBack", { time: format.dateTime(new Date(traffic.readAt), { timeStyle: "medium" }) })}
          </span>
        ) : null
      }
    >
      {error && !traffic ? (
        <ErrorState error={error} onRetry={onRetry} />
      ) : !traffic ? (
        <LoadingState />
      ) : (
        <div className="flex flex-col gap-4">
          <SplitBar greenPercent={traffic.greenPercent} />
          <dl className="grid gap-2 sm:grid-cols-2">
            <EnvironmentRow environment="blue" traffic={traffic} />
            <EnvironmentRow environment="green" traffic={traffic} />
          </dl>
          {error ? (
            <p role="status" className="text-[12px] text-warn">
              {t("stale")}
            </p>
          ) : null}
        </div>
      )}
    </Panel>
  );
}

function SplitBar({ greenPercent }: { greenPercent: number }) {
  const t = useTranslations("control.traffic");
  const format = useFormatter();
  const blue = roundShare(100 - greenPercent);
  const green = roundShare(greenPercent);
  const percent = (value: number) => format.number(value / 100, { style: "percent", maximumFractionDigits: 1 });
  return (
    <div
      role="img"
      aria-label={t("splitLabel", { blue: percent(blue), green: percent(green) })}
      data-testid="traffic-split"
      data-green={green}
      className="flex h-9 w-full overflow-hidden rounded-md border border-line-strong bg-neutral-soft text-[13px] font-semibold text-white tabular-nums"
    >
      <Segment share={blue} className="bg-env-blue" label={`${t("blue")} ${percent(blue)}`} />
      <Segment share={green} className="bg-env-green" label={`${t("green")} ${percent(green)}`} />
    </div>
  );
}

function Segment({ share, className, label }: { share: number; className: string; label: string }) {
  if (share <= 0) return null;
  return (
    <div
      aria-hidden
      style={{ width: `${share}%` }}
      className={cn("flex min-w-0 items-center justify-center overflow-hidden px-2 whitespace-nowrap transition-[width] duration-500", className)}
    >
      {share >= 12 ? label : null}
    </div>
  );
}

function EnvironmentRow({ environment, traffic }: { environment: Environment; traffic: Traffic }) {
  const t = useTranslations("control.traffic");
  const health = traffic.health[environment];
  const share = environment === "green" ? traffic.greenPercent : 100 - traffic.greenPercent;
  return (
    <div
      data-testid={`health-${environment}`}
      data-healthy={health.healthy}
      className="flex min-w-0 flex-col gap-0.5 rounded-md border border-line px-3 py-2"
    >
      <dt className="flex items-center justify-between gap-2 text-[13px] font-medium">
        <span className="flex items-center gap-2">
          <span aria-hidden className={cn("size-2.5 shrink-0 rounded-sm", environment === "blue" ? "bg-env-blue" : "bg-env-green")} />
          {t(environment)}
        </span>
        <span className="font-normal text-ink-muted tabular-nums">
          {t("weight", { weight: traffic.weights[environment], share: roundShare(share) })}
        </span>
      </dt>
      <dd className="flex min-w-0 items-center gap-1.5 pl-[1.125rem] text-[12px]">
        <span className={cn("font-medium", health.healthy ? "text-ok" : "text-danger")}>
          {health.healthy ? t("healthy") : t("unhealthy")}
        </span>
        {health.detail ? (
          <span title={health.detail} className="truncate text-ink-muted">
            · {health.detail}
          </span>
        ) : null}
      </dd>
    </div>
  );
}

function roundShare(value: number): number {
  return Math.round(value * 10) / 10;
}
