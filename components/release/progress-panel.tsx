"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Panel } from "@/components/ui/panel";
import { ProgressBar } from "@/components/ui/progress-bar";
import { localized } from "@/lib/client/localized";
import type { ReleaseDetail } from "@/lib/client/types";

export function ProgressPanel({ release, className }: { release: ReleaseDetail; className?: string }) {
  const t = useTranslations("release.progress");
  const locale = useLocale();
  const { done, applicable } = release.progress;
  const percent = applicable > 0 ? Math.round((done / applicable) * 100) : 0;
  const requiredOpen = release.sections.reduce((sum, section) => sum + section.requiredOpen, 0);

  return (
    <Panel
      title={t("title")}
      id="progress"
      className={className}
      actions={
        <Link href={`/releases/${release.id}/checklist`} className="text-[13px] font-medium text-accent hover:underline">
          {t("open")}
        </Link>
      }
    >
      <div className="mb-4 flex flex-wrap items-end gap-x-6 gap-y-2">
        <p className="text-[28px] leading-none font-semibold tabular-nums">{percent}%</p>
        <p className="text-[13px] text-ink-muted tabular-nums">{t("doneOf", { done, applicable })}</p>
        <p className={requiredOpen > 0 ? "text-[13px] font-medium text-warn" : "text-[13px] text-ok"}>
          {requiredOpen > 0 ? t("requiredOpen", { count: requiredOpen }) : t("requiredAllDone")}
        </p>
      </div>
      <ProgressBar value={done} max={applicable} label={t("overall")} thick className="mb-5" />
      <ul className="flex flex-col gap-3">
        {release.sections.map((section) => {
          const title = localized(section.title, locale);
          return (
            <li key={section.id} className="grid grid-cols-[1fr_auto] items-center gap-x-4 gap-y-1">
              <span className="truncate text-[13px]">{title}</span>
              <span className="text-[12px] text-ink-muted tabular-nums">
                {section.progress.done}/{section.progress.applicable}
                {section.requiredOpen > 0 ? (
                  <span className="ml-2 text-warn">{t("requiredOpenShort", { count: section.requiredOpen })}</span>
                ) : null}
              </span>
              <ProgressBar
                value={section.progress.done}
                max={section.progress.applicable}
                label={title}
                className="col-span-2"
              />
            </li>
          );
        })}
      </ul>
    </Panel>
  );
}
