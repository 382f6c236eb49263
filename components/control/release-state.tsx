"use client";

import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { releaseStatusTone } from "@/components/release/status-tones";
import { cn } from "@/lib/client/cn";
import { localized } from "@/lib/client/localized";
import type { DriverKind, OperationSummary, ReleaseDetail } from "@/lib/client/types";
import { OperationBadges } from "./operation-timeline";

interface ReleaseStateProps {
  release: ReleaseDetail;
  active: OperationSummary | null;
  driver: DriverKind | null;
  rehearsal: boolean;
  onRehearsalChange: (rehearsal: boolean) => void;
}

// The one line a launch-night room reads first: what the release is, what is
// running, what moves the traffic, and whether the page shows (and starts)
// rehearsals or production.
export function ReleaseState({ release, active, driver, rehearsal, onRehearsalChange }: ReleaseStateProps) {
  const t = useTranslations("control");
  const tRelease = useTranslations("release");
  const tOps = useTranslations("control.operations");
  const locale = useLocale();
  return (
    <div className="flex flex-col gap-3 rounded-lg border border-line bg-surface p-4 lg:flex-row lg:items-center lg:justify-between">
      <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-2">
        <h1 className="flex min-w-0 items-baseline gap-2 text-[20px] font-semibold tracking-tight">
          <span>{t("title")}</span>
          <span className="truncate text-[14px] font-normal text-ink-muted">
            <span className="font-mono">{release.version}</span> · {localized(release.name, locale)}
          </span>
        </h1>
        <Badge tone={releaseStatusTone[release.status]}>{tRelease(`status.${release.status}`)}</Badge>
      </div>
      <dl className="flex flex-wrap items-center gap-x-5 gap-y-2 text-[13px]">
        <div className="flex items-center gap-2" data-testid="active-operation">
          <dt className="text-ink-faint">{t("state.active")}</dt>
          <dd className="flex items-center gap-1.5">
            {active ? (
              <>
                <a href="#operation-timeline-heading" className="font-medium text-accent underline underline-offset-2">
                  {tOps(`kind.${active.kind}`)}
                </a>
                <OperationBadges operation={active} />
              </>
            ) : (
              <span className="text-ink-muted">{t("state.none")}</span>
            )}
          </dd>
        </div>
        <div className="flex items-center gap-2">
          <dt className="text-ink-faint">{t("state.driver")}</dt>
          <dd className="font-medium" data-testid="driver-kind">
            {driver ? t(`driver.kinds.${driver}`) : "—"}
          </dd>
        </div>
        <div className="flex items-center gap-2">
          <dt className="sr-only">{t("state.mode")}</dt>
          <dd>
            <label
              className={cn(
                "inline-flex h-7 cursor-pointer items-center gap-2 rounded-md border px-2 font-medium",
                rehearsal ? "border-accent/50 bg-accent-soft text-accent" : "border-line-strong text-ink-muted",
              )}
            >
              <input
                type="checkbox"
                role="switch"
                checked={rehearsal}
                onChange={(event) => onRehearsalChange(event.target.checked)}
                data-testid="rehearsal-toggle"
                className="size-3.5 accent-accent-solid"
              />
              {t("state.rehearsal")}
            </label>
          </dd>
        </div>
      </dl>
    </div>
  );
}
