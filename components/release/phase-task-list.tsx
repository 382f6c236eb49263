"use client";

import { useLocale, useTranslations } from "next-intl";
import { localized } from "@/lib/client/localized";
import type { LocalizedText } from "@/lib/client/types";
import { cn } from "@/lib/client/cn";

// A phase's tasks with a done/open mark that screen readers hear as a word;
// shared by the overview's phase table and the timeline's row headers.
export function PhaseTaskList({
  tasks,
  id,
  hidden,
  className,
}: {
  tasks: readonly { id: string; done: boolean; title: LocalizedText }[];
  id?: string;
  hidden?: boolean;
  className?: string;
}) {
  const t = useTranslations("release.phases");
  const locale = useLocale();
  return (
    <ul id={id} hidden={hidden} className={cn("flex flex-col", className)}>
      {tasks.map((task) => (
        <li key={task.id} className="flex gap-1.5">
          <span aria-hidden className={task.done ? "text-ok" : "text-ink-faint"}>
            {task.done ? "✓" : "○"}
          </span>
          <span>
            {localized(task.title, locale)}
            <span className="sr-only"> ({task.done ? t("taskDone") : t("taskOpen")})</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
