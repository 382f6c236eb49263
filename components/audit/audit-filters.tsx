"use client";

import { useTranslations } from "next-intl";
import { useUsers } from "@/components/hooks/use-users";
import { controlBase } from "@/components/ui/field";
import { cn } from "@/lib/client/cn";
import type { AuditEvent, AuditFilters as Filters } from "@/lib/client/types";
import { actionLabel, knownActions } from "./audit-labels";

interface AuditFiltersProps {
  filters: Filters;
  events: AuditEvent[];
  onChange: (filters: Filters) => void;
}

export function AuditFilters({ filters, events, onChange }: AuditFiltersProps) {
  const t = useTranslations("audit");
  const tActions = useTranslations("audit.actions");
  const { data: users } = useUsers();

  // People and actions: everyone the API lists plus whoever appears in the trail.
  const people = new Map<string, string>();
  for (const user of users ?? []) people.set(user.id, user.name);
  for (const event of events) if (event.actor.id) people.set(event.actor.id, event.actor.label);
  const actions = new Set<string>([...knownActions, ...events.map((event) => event.action)]);
  if (filters.action) actions.add(filters.action);

  return (
    <div className="flex flex-wrap items-end gap-2">
      <div className="flex flex-col gap-1">
        <label htmlFor="audit-actor" className="text-[12px] font-medium text-ink-muted">
          {t("person")}
        </label>
        <select
          id="audit-actor"
          value={filters.actorId}
          onChange={(event) => onChange({ ...filters, actorId: event.target.value })}
          className={cn(controlBase, "h-8 w-48")}
        >
          <option value="">{t("everyone")}</option>
          {[...people].map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="audit-action" className="text-[12px] font-medium text-ink-muted">
          {t("action")}
        </label>
        <select
          id="audit-action"
          value={filters.action}
          onChange={(event) => onChange({ ...filters, action: event.target.value })}
          className={cn(controlBase, "h-8 w-56")}
        >
          <option value="">{t("allActions")}</option>
          {[...actions].map((action) => (
            <option key={action} value={action}>
              {actionLabel(action, tActions)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
