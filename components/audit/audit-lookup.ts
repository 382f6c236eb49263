"use client";

import { useMemo } from "react";
import { useLocale } from "next-intl";
import { useChecklist } from "@/components/hooks/use-checklist";
import { useUsers } from "@/components/hooks/use-users";
import { localized } from "@/lib/client/localized";
import type { AuditEvent } from "@/lib/client/types";

export interface AuditLookup {
  // Title of a checklist item (audit rows store only the fields that changed).
  subject: (id: string) => string | undefined;
  // Name behind a user id, e.g. an assigneeId before or after.
  person: (id: string) => string | undefined;
}

export function useAuditLookup(releaseId: string, events: AuditEvent[]): AuditLookup {
  const locale = useLocale();
  const { data: checklist } = useChecklist(releaseId, "all");
  const { data: users } = useUsers();

  return useMemo(() => {
    const subjects = new Map<string, string>();
    const people = new Map<string, string>();
    for (const section of checklist?.sections ?? []) {
      for (const item of section.items) {
        subjects.set(item.id, localized(item.title, locale));
        if (item.assignee) people.set(item.assignee.id, item.assignee.name);
      }
    }
    for (const event of events) if (event.actor.id) people.set(event.actor.id, event.actor.label);
    for (const user of users ?? []) people.set(user.id, user.name);
    return { subject: (id) => subjects.get(id), person: (id) => people.get(id) };
  }, [checklist, users, events, locale]);
}
