"use client";

import { useState } from "react";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useLiveEvents } from "@/components/hooks/live-events";
import { useMetricFormat } from "@/components/metrics/use-metric-format";
import { Button, buttonClass } from "@/components/ui/button";
import { CloseIcon } from "@/components/ui/icons";
import { localized } from "@/lib/client/localized";
import { guardBreachFrom, type GuardBreach } from "./guard-breach";

// Release-wide: a breached rollback criterion interrupts whatever page is
// open, says which criterion, values and window, and stays until dismissed.
export function GuardAlert({ releaseId }: { releaseId: string }) {
  const t = useTranslations("guardAlert");
  const locale = useLocale();
  const [breach, setBreach] = useState<GuardBreach | null>(null);

  useLiveEvents((live) => {
    if (live.kind !== "release" || live.event.releaseId !== releaseId) return;
    const next = guardBreachFrom(live.event);
    if (next) setBreach(next);
  });

  if (!breach) return null;
  const name = breach.title ? localized(breach.title, locale) : breach.criterionKey;
  return (
    <div
      role="alert"
      data-testid="guard-alert"
      data-criterion={breach.criterionKey}
      className="border-b border-danger/40 bg-danger-soft px-4 py-2 text-[13px] text-danger sm:px-6"
    >
      <div className="mx-auto flex max-w-[1400px] flex-wrap items-center gap-x-3 gap-y-1">
        <p className="min-w-0 flex-1">
          <strong className="font-semibold">{t("title", { name })}</strong> <BreachDetail breach={breach} />
        </p>
        {breach.policy === "auto" ? (
          <span className="font-medium">{t("autoRollback")}</span>
        ) : breach.policy === "propose" ? (
          <Link href={rollbackHref(releaseId)} className={buttonClass("danger", "sm")} data-testid="guard-alert-rollback">
            {t("startRollback")}
          </Link>
        ) : null}
        <Button variant="ghost" size="icon" onClick={() => setBreach(null)} aria-label={t("dismiss")} data-testid="guard-alert-dismiss">
          <CloseIcon />
        </Button>
      </div>
    </div>
  );
}

// The Control page opens its rollback flow for this link.
export function rollbackHref(releaseId: string): string {
  return `/releases/${releaseId}/control?start=rollback`;
}

// "error_rate 8.1% (threshold 5%) over 14:02:00 – 14:07:00."
export function BreachDetail({ breach }: { breach: GuardBreach }) {
  const t = useTranslations("guardAlert");
  const format = useFormatter();
  const formatValue = useMetricFormat();
  const value = (number: number | null) => (number === null ? "—" : breach.metric ? formatValue(breach.metric, number) : format.number(number));
  return (
    <span>
      {t("values", { metric: breach.metric ?? breach.criterionKey, observed: value(breach.observed), threshold: value(breach.threshold) })}
      {breach.windowFrom && breach.windowTo
        ? ` ${t("window", {
            window: format.dateTimeRange(new Date(breach.windowFrom), new Date(breach.windowTo), { hour: "2-digit", minute: "2-digit", second: "2-digit" }),
          })}`
        : null}
    </span>
  );
}
