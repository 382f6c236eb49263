"use client";

import { useLocale, useTranslations } from "next-intl";
import { useDateFormat } from "@/components/ui/use-date-format";
import { checklistStatuses, type ChecklistStatus } from "@/lib/client/types";
import { isLocalizedText, isRecord } from "./audit-labels";
import type { AuditLookup } from "./audit-lookup";

// Bookkeeping fields that change with every write and say nothing to a reader.
const hiddenFields = new Set(["id", "version", "updatedAt", "updatedBy", "updatedById", "sectionId", "releaseId", "position", "key"]);
const maxLength = 120;

interface Change {
  field: string;
  from: unknown;
  to: unknown;
}

interface ValueDiffProps {
  before: unknown;
  after: unknown;
  lookup: AuditLookup;
}

export function ValueDiff({ before, after, lookup }: ValueDiffProps) {
  const t = useTranslations("audit");
  const changes = diff(before, after);
  if (changes.length === 0) return <span className="text-ink-faint">—</span>;
  return (
    <ul className="flex flex-col gap-0.5 text-[12px]">
      {changes.map((change) => (
        <li key={change.field} className="flex flex-wrap items-baseline gap-x-1.5">
          <span className="text-ink-faint">{t.has(`fields.${change.field}`) ? t(`fields.${change.field}`) : change.field}</span>
          {before === null || before === undefined ? null : (
            <>
              <Value field={change.field} value={change.from} lookup={lookup} muted />
              <span aria-hidden className="text-ink-faint">
                →
              </span>
              <span className="sr-only">{t("changedTo")}</span>
            </>
          )}
          <Value field={change.field} value={change.to} lookup={lookup} />
        </li>
      ))}
    </ul>
  );
}

interface ValueProps {
  field: string;
  value: unknown;
  lookup: AuditLookup;
  muted?: boolean;
}

function Value({ field, value, lookup, muted }: ValueProps) {
  const tStatus = useTranslations("checklist.status");
  const tCommon = useTranslations("common");
  const locale = useLocale();
  const dates = useDateFormat();

  let text: string;
  if (value === null || value === undefined || value === "") text = tCommon("none");
  else if (typeof value === "boolean") text = value ? tCommon("yes") : tCommon("no");
  else if (field === "status" && isChecklistStatus(value)) text = tStatus(value);
  else if (field.endsWith("Id") && typeof value === "string") text = lookup.person(value) ?? truncate(value);
  else if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value)) text = dates.dateTime(value);
  else if (isLocalizedText(value)) text = locale === "ko" ? value.ko : value.en;
  else if (isRecord(value) && typeof value.name === "string") text = value.name;
  else text = truncate(typeof value === "string" ? value : JSON.stringify(value));

  return <span className={muted ? "text-ink-muted line-through decoration-ink-faint/60" : "font-medium"}>{text}</span>;
}

function truncate(raw: string): string {
  return raw.length > maxLength ? `${raw.slice(0, maxLength)}…` : raw;
}

function diff(before: unknown, after: unknown): Change[] {
  const from = isRecord(before) ? before : {};
  const to = isRecord(after) ? after : {};
  const fields = new Set([...Object.keys(from), ...Object.keys(to)]);
  return [...fields]
    .filter((field) => !hiddenFields.has(field) && JSON.stringify(from[field]) !== JSON.stringify(to[field]))
    .map((field) => ({ field, from: from[field], to: to[field] }));
}

function isChecklistStatus(value: unknown): value is ChecklistStatus {
  return typeof value === "string" && (checklistStatuses as readonly string[]).includes(value);
}
