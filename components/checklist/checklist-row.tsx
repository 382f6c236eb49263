"use client";

import type { MouseEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useUpdateItem, type ItemChange, type UpdateHandlers } from "@/components/hooks/use-checklist";
import { Badge } from "@/components/ui/badge";
import { ExternalLinkIcon } from "@/components/ui/icons";
import { useDateFormat } from "@/components/ui/use-date-format";
import { cn } from "@/lib/client/cn";
import { localized } from "@/lib/client/localized";
import type { ChecklistItem } from "@/lib/client/types";
import { isOverdue, isWebUrl } from "./item-state";
import { StatusSelect } from "./status-select";

export const rowGrid =
  "grid grid-cols-[1.5rem_minmax(0,1fr)_6.5rem] items-center gap-x-3 md:grid-cols-[1.75rem_minmax(0,1fr)_7.5rem_7rem_8.5rem] lg:grid-cols-[1.75rem_minmax(0,1fr)_8rem_10rem_11rem_5.5rem]";

interface ChecklistRowProps {
  item: ChecklistItem;
  releaseId: string;
  canUpdate: boolean;
  now: Date;
  handlers: UpdateHandlers;
  onOpen: (item: ChecklistItem) => void;
}

export function ChecklistRow({ item, releaseId, canUpdate, now, handlers, onOpen }: ChecklistRowProps) {
  const t = useTranslations("checklist");
  const locale = useLocale();
  const dates = useDateFormat();
  const update = useUpdateItem(releaseId, handlers);
  const title = localized(item.title, locale);
  const overdue = isOverdue(item, now);
  const disabled = !canUpdate || update.isPending;
  const change = (patch: ItemChange["patch"]) => update.mutate({ item, patch });

  // A click anywhere on the row that is not on one of its controls opens the editor.
  const openFromRow = (event: MouseEvent<HTMLLIElement>) => {
    if ((event.target as HTMLElement).closest("a, button, input, select, textarea, label")) return;
    onOpen(item);
  };

  return (
    <li
      data-testid={`checklist-item-${item.key}`}
      data-status={item.status}
      data-version={item.version}
      aria-busy={update.isPending || undefined}
      onClick={openFromRow}
      className={cn(
        rowGrid,
        "min-h-9 cursor-pointer border-b border-line px-4 py-1 last:border-b-0 hover:bg-subtle/60",
        update.isPending && "opacity-70",
      )}
    >
      <input
        type="checkbox"
        checked={item.status === "done"}
        disabled={disabled}
        aria-label={t("markDone", { title })}
        onChange={(event) => change({ status: event.target.checked ? "done" : "todo" })}
        className="size-4 cursor-pointer accent-ok-bar disabled:cursor-not-allowed"
      />
      <div className="min-w-0 py-1">
        <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-0.5 md:flex-nowrap">
          <button
            type="button"
            aria-haspopup="dialog"
            onClick={() => onOpen(item)}
            className={cn(
              "rounded-sm text-left text-[13px] font-medium hover:underline md:truncate",
              item.status === "done" || item.status === "n_a" ? "text-ink-muted" : "text-ink",
            )}
          >
            {title}
          </button>
          {item.requiredForGoLive ? <Badge tone="accent">{t("required")}</Badge> : null}
          {isWebUrl(item.evidenceUrl) ? (
            <a
              href={item.evidenceUrl}
              target="_blank"
              rel="noreferrer"
              className="inline-flex shrink-0 items-center gap-1 text-[12px] text-accent hover:underline lg:hidden"
            >
              <ExternalLinkIcon />
              <span className="sr-only">{t("evidenceFor", { title })}</span>
            </a>
          ) : null}
        </div>
        {item.note ? (
          <p title={item.note} className="truncate text-[12px] text-ink-muted">
            {item.note}
          </p>
        ) : null}
        <p className="flex flex-wrap gap-x-2 text-[12px] text-ink-muted md:hidden">
          <span>{item.assignee?.name ?? t("unassigned")}</span>
          {item.dueAt ? (
            <span className={cn("tabular-nums", overdue && "font-medium text-danger")}>
              {dates.shortDateTime(item.dueAt)}
              {overdue ? ` · ${t("overdue")}` : null}
            </span>
          ) : null}
        </p>
      </div>
      <StatusSelect
        value={item.status}
        label={t("statusFor", { title })}
        disabled={disabled}
        onChange={(status) => change({ status })}
      />
      <span className={cn("hidden truncate text-[13px] md:block", !item.assignee && "text-ink-faint")}>
        {item.assignee?.name ?? t("unassigned")}
      </span>
      <span className="hidden text-[13px] whitespace-nowrap tabular-nums md:block">
        {item.dueAt ? (
          <span className={cn(overdue ? "font-medium text-danger" : "text-ink-muted")}>
            {dates.shortDateTime(item.dueAt)}
            {overdue ? (
              <>
                <span className="sr-only lg:hidden"> ({t("overdue")})</span>
                <span className="ml-1.5 hidden lg:inline">
                  <Badge tone="danger">{t("overdue")}</Badge>
                </span>
              </>
            ) : null}
          </span>
        ) : (
          <span className="text-ink-faint">—</span>
        )}
      </span>
      <span className="hidden text-[13px] lg:block">
        {isWebUrl(item.evidenceUrl) ? (
          <a
            href={item.evidenceUrl}
            target="_blank"
            rel="noreferrer"
            className="inline-flex items-center gap-1 text-accent hover:underline"
          >
            {t("evidence")}
            <ExternalLinkIcon />
            <span className="sr-only">: {title}</span>
          </a>
        ) : (
          <span className="text-ink-faint">—</span>
        )}
      </span>
    </li>
  );
}
