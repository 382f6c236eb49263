"use client";

import { useLocale, useTranslations } from "next-intl";
import { Panel } from "@/components/ui/panel";
import { localized } from "@/lib/client/localized";
import type { LocalizedText } from "@/lib/client/types";

export function GoalsPanel({ goals }: { goals: LocalizedText[] }) {
  const t = useTranslations("release");
  const locale = useLocale();
  return (
    <Panel title={t("goals")} id="goals">
      <ol className="flex list-decimal flex-col gap-2 pl-5 text-[13px] marker:text-ink-faint marker:tabular-nums">
        {goals.map((goal, index) => (
          <li key={index}>{localized(goal, locale)}</li>
        ))}
      </ol>
    </Panel>
  );
}
