"use client";

import { useCallback, useMemo, useState } from "react";
import { useLocale, useNow, useTranslations } from "next-intl";
import { useChecklist, type UpdateHandlers } from "@/components/hooks/use-checklist";
import { useMe } from "@/components/hooks/use-me";
import { useRelease } from "@/components/hooks/use-release";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { localized } from "@/lib/client/localized";
import type { ChecklistFilter, ChecklistItem } from "@/lib/client/types";
import { ChecklistFilters } from "./checklist-filters";
import { ChecklistSectionList } from "./checklist-section";
import { ConflictNotice } from "./conflict-notice";
import { ItemEditor } from "./item-editor";

type Notice = { kind: "conflict"; item: ChecklistItem } | { kind: "error"; message: string };

export function ChecklistView({ releaseId, filter }: { releaseId: string; filter: ChecklistFilter }) {
  const t = useTranslations("checklist");
  const tRoles = useTranslations("roles");
  const locale = useLocale();
  const now = useNow({ updateInterval: 30_000 });
  const errorMessage = useErrorMessage();
  const { data: me } = useMe();
  const { data: release } = useRelease(releaseId);
  const { data: checklist, error, refetch } = useChecklist(releaseId, filter);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [editing, setEditing] = useState<{ id: string; generation: number } | null>(null);

  const canUpdate = me?.permissions.includes("checklist.update") ?? false;
  const canConfigure = me?.permissions.includes("checklist.configure") ?? false;

  const handlers: UpdateHandlers = useMemo(
    () => ({
      onConflict: (current) => {
        setNotice({ kind: "conflict", item: current });
        // Reopen the editor on the current state rather than the stale draft.
        setEditing((open) => (open?.id === current.id ? { id: open.id, generation: open.generation + 1 } : open));
      },
      onFailure: (failure) => setNotice({ kind: "error", message: errorMessage(failure) }),
    }),
    [errorMessage],
  );
  const openEditor = useCallback((item: ChecklistItem) => setEditing({ id: item.id, generation: 0 }), []);

  const editingItem = editing
    ? checklist?.sections.flatMap((section) => section.items).find((item) => item.id === editing.id)
    : undefined;
  const conflictInEditor = notice?.kind === "conflict" && editingItem?.id === notice.item.id;
  const noticeView =
    notice?.kind === "conflict" ? (
      <ConflictNotice item={notice.item} onDismiss={() => setNotice(null)} />
    ) : notice?.kind === "error" ? (
      <Alert tone="danger">{notice.message}</Alert>
    ) : null;

  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title={t("title")}
        description={release ? `${release.version} · ${localized(release.name, locale)}` : undefined}
        actions={<ChecklistFilters basePath={`/releases/${releaseId}/checklist`} current={filter} />}
      />
      {me && !canUpdate ? (
        <Alert tone="info" role="status" testId="read-only-note">
          {t("readOnly", { role: tRoles(me.user.role) })}
        </Alert>
      ) : null}
      {conflictInEditor ? null : noticeView}
      {error ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : !checklist ? (
        <LoadingState />
      ) : checklist.sections.every((section) => section.items.length === 0) ? (
        <EmptyState>{t(`empty.${filter}`)}</EmptyState>
      ) : (
        <ChecklistSectionList
          sections={checklist.sections}
          releaseId={releaseId}
          canUpdate={canUpdate}
          now={now}
          handlers={handlers}
          onOpen={openEditor}
        />
      )}
      {editing && editingItem ? (
        <ItemEditor
          key={`${editing.id}:${editing.generation}`}
          item={editingItem}
          releaseId={releaseId}
          canUpdate={canUpdate}
          canConfigure={canConfigure}
          notice={conflictInEditor ? noticeView : null}
          handlers={handlers}
          onClose={() => {
            setEditing(null);
            if (conflictInEditor) setNotice(null);
          }}
        />
      ) : null}
    </div>
  );
}
