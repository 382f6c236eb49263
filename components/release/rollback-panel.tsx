"use client";

import { useLocale, useTranslations } from "next-intl";
import { Panel } from "@/components/ui/panel";
import { localized } from "@/lib/client/localized";
import type { LocalizedText } from "@/lib/client/types";

interface RollbackPanelProps {
  procedure: LocalizedText[];
  afterRollback: LocalizedText[];
}

export function RollbackPanel({ procedure, afterRollback }: RollbackPanelProps) {
  const t = useTranslations("release.rollback");
  if (procedure.length === 0 && afterRollback.length === 0) return null;
  return (
    <Panel title={t("title")} id="rollback">
      <div className="grid gap-6 md:grid-cols-2">
        <StepList title={t("procedure")} steps={procedure} />
        <StepList title={t("after")} steps={afterRollback} />
      </div>
    </Panel>
  );
}

function StepList({ title, steps }: { title: string; steps: LocalizedText[] }) {
  const locale = useLocale();
  return (
    <div>
      <h3 className="mb-2 text-[12px] font-semibold text-ink-muted">{title}</h3>
      <ol className="flex list-decimal flex-col gap-1.5 pl-5 text-[13px] marker:text-ink-faint">
        {steps.map((step, index) => (
          <li key={index}>{localized(step, locale)}</li>
        ))}
      </ol>
    </div>
  );
}
