"use client";

import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { useDateFormat } from "@/components/ui/use-date-format";
import { localized } from "@/lib/client/localized";
import type { ReleaseDetail } from "@/lib/client/types";
import { releaseStatusTone } from "./status-tones";

export function ReleaseHeader({ release }: { release: ReleaseDetail }) {
  const t = useTranslations("release");
  const locale = useLocale();
  const viewerZone = useTimeZone();
  const dates = useDateFormat();
  const sameZone = viewerZone === release.timezone;
  const overview = localized(release.overview, locale);

  return (
    <div className="flex flex-col gap-3 rounded-lg border border-line bg-surface p-4">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <h1 className="flex items-baseline gap-2 text-[20px] font-semibold tracking-tight">
          <span className="font-mono text-[17px] text-ink-muted">{release.version}</span>
          <span>{localized(release.name, locale)}</span>
        </h1>
        <Badge tone={releaseStatusTone[release.status]}>{t(`status.${release.status}`)}</Badge>
        {release.isDemo ? <Badge tone="accent">{t("demo")}</Badge> : null}
      </div>
      {overview ? <p className="max-w-4xl text-[13px] text-ink-muted">{overview}</p> : null}
      <dl className="grid gap-x-6 gap-y-1 text-[13px] sm:grid-cols-[auto_1fr]">
        <dt className="text-ink-faint">{t("window.yours")}</dt>
        <dd className="tabular-nums">
          {dates.range(release.windowStart, release.windowEnd)}
        </dd>
        {sameZone ? null : (
          <>
            <dt className="text-ink-faint">{t("window.release", { zone: release.timezone })}</dt>
            <dd className="tabular-nums">
              {dates.range(release.windowStart, release.windowEnd, release.timezone)}
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}
