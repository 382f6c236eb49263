"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/client/cn";
import { checklistFilters, type ChecklistFilter } from "@/lib/client/types";

export function ChecklistFilters({ basePath, current }: { basePath: string; current: ChecklistFilter }) {
  const t = useTranslations("checklist.filters");
  return (
    <nav aria-label={t("label")}>
      <ul className="inline-flex rounded-md border border-line-strong bg-surface p-0.5" data-testid="checklist-filters">
        {checklistFilters.map((filter) => (
          <li key={filter}>
            <Link
              href={filter === "all" ? basePath : `${basePath}?filter=${filter}`}
              replace
              scroll={false}
              aria-current={filter === current ? "page" : undefined}
              className={cn(
                "flex h-7 items-center rounded px-3 text-[13px] font-medium",
                filter === current ? "bg-accent-soft text-accent" : "text-ink-muted hover:text-ink",
              )}
            >
              {t(filter)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
