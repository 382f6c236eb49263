"use client";

import { useLocale, useTranslations } from "next-intl";
import type { UpdateHandlers } from "@/components/hooks/use-checklist";
import { cn } from "@/lib/client/cn";
import { localized } from "@/lib/client/localized";
import type { ChecklistItem, ChecklistSection } from "@/lib/client/types";
import { ChecklistRow, rowGrid } from "./checklist-row";

interface SectionListProps {
  sections: ChecklistSection[];
  releaseId: string;
  canUpdate: boolean;
  now: Date;
  handlers: UpdateHandlers;
  onOpen: (item: ChecklistItem) => void;
}

export function ChecklistSectionList({ sections, ...rowProps }: SectionListProps) {
  return (
    <div className="flex flex-col gap-4">
      {sections
        .map((section, index) => ({ section, number: index + 1 }))
        .filter(({ section }) => section.items.length > 0)
        .map(({ section, number }) => (
          <SectionBlock key={section.id} section={section} number={number} {...rowProps} />
        ))}
    </div>
  );
}

type SectionBlockProps = Omit<SectionListProps, "sections"> & { section: ChecklistSection; number: number };

function SectionBlock({ section, number, ...rowProps }: SectionBlockProps) {
  const t = useTranslations("checklist");
  const locale = useLocale();
  const applicable = section.items.filter((item) => item.status !== "n_a");
  const done = applicable.filter((item) => item.status === "done").length;
  const headingId = `section-${section.key}`;

  return (
    <section
      aria-labelledby={headingId}
      data-testid={`checklist-section-${section.key}`}
      className="overflow-hidden rounded-lg border border-line bg-surface"
    >
      <div className="flex items-center justify-between gap-3 border-b border-line px-4 py-2">
        <h2 id={headingId} className="text-[13px] font-semibold">
          <span className="mr-2 text-ink-faint tabular-nums">{number}.</span>
          {localized(section.title, locale)}
        </h2>
        <span className="text-[12px] text-ink-muted tabular-nums">{t("sectionProgress", { done, total: applicable.length })}</span>
      </div>
      <div
        aria-hidden
        className={cn(rowGrid, "h-7 border-b border-line bg-subtle px-4 text-[12px] font-medium text-ink-faint")}
      >
        <span />
        <span>{t("columns.item")}</span>
        <span>{t("columns.status")}</span>
        <span className="hidden md:block">{t("columns.assignee")}</span>
        <span className="hidden md:block">{t("columns.due")}</span>
        <span className="hidden lg:block">{t("columns.evidence")}</span>
      </div>
      <ul>
        {section.items.map((item) => (
          <ChecklistRow key={item.id} item={item} {...rowProps} />
        ))}
      </ul>
    </section>
  );
}
