"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useMe } from "@/components/hooks/use-me";
import { useUpdateItem, type UpdateHandlers } from "@/components/hooks/use-checklist";
import { useUsers } from "@/components/hooks/use-users";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Drawer } from "@/components/ui/drawer";
import { Field, controlClass, textareaClass } from "@/components/ui/field";
import { useDateFormat } from "@/components/ui/use-date-format";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { fromDateTimeLocal, toDateTimeLocal } from "@/lib/client/datetime-local";
import { localized } from "@/lib/client/localized";
import type { ChecklistItem, ChecklistStatus, ItemPatch, UserRef } from "@/lib/client/types";
import { StatusSelect } from "./status-select";

interface ItemEditorProps {
  item: ChecklistItem;
  releaseId: string;
  canUpdate: boolean;
  canConfigure: boolean;
  // Shown above the form, e.g. the conflict that just reloaded it.
  notice: ReactNode;
  handlers: UpdateHandlers;
  onClose: () => void;
}

interface Draft {
  status: ChecklistStatus;
  assigneeId: string;
  dueAt: string;
  evidenceUrl: string;
  note: string;
  requiredForGoLive: boolean;
}

function draftOf(item: ChecklistItem): Draft {
  return {
    status: item.status,
    assigneeId: item.assignee?.id ?? "",
    dueAt: toDateTimeLocal(item.dueAt),
    evidenceUrl: item.evidenceUrl ?? "",
    note: item.note ?? "",
    requiredForGoLive: item.requiredForGoLive,
  };
}

// The form edits a copy of the item as it was when opened; saving sends that
// copy's version, so a change made meanwhile by someone else comes back as a
// conflict instead of being overwritten.
export function ItemEditor({ item, releaseId, canUpdate, canConfigure, notice, handlers, onClose }: ItemEditorProps) {
  const t = useTranslations("checklist.editor");
  const tCommon = useTranslations("common");
  const locale = useLocale();
  const dates = useDateFormat();
  const errorMessage = useErrorMessage();
  const [base] = useState(item);
  const [draft, setDraft] = useState(() => draftOf(item));
  const [failure, setFailure] = useState<string | null>(null);
  const people = useAssignableUsers(item.assignee);
  const update = useUpdateItem(releaseId, {
    onConflict: handlers.onConflict,
    onFailure: (error) => setFailure(errorMessage(error)),
  });
  const title = localized(item.title, locale);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    const patch = changes(base, draft, canConfigure);
    if (Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    const assignee = people.find((person) => person.id === patch.assigneeId) ?? null;
    update.mutate({ item: base, patch, assignee }, { onSuccess: onClose });
  }

  const readOnly = !canUpdate;
  return (
    <Drawer
      open
      title={title}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{readOnly ? tCommon("close") : tCommon("cancel")}</Button>
          {readOnly ? null : (
            <Button type="submit" form="item-editor-form" variant="primary" disabled={update.isPending}>
              {update.isPending ? tCommon("saving") : tCommon("save")}
            </Button>
          )}
        </>
      }
    >
      <div className="flex flex-col gap-4">
        {notice}
        {failure ? <Alert tone="danger">{failure}</Alert> : null}
        {readOnly ? (
          <Alert tone="info" role="status">
            {t("readOnly")}
          </Alert>
        ) : null}
        <form id="item-editor-form" onSubmit={save} className="flex flex-col gap-4">
          <fieldset disabled={readOnly || update.isPending} className="flex flex-col gap-4">
            <legend className="sr-only">{title}</legend>
            <Field label={t("status")} htmlFor="item-status">
              <StatusSelect
                id="item-status"
                value={draft.status}
                label={t("statusFor", { title })}
                onChange={(status) => set("status", status)}
                size="form"
              />
            </Field>
            <Field label={t("assignee")} htmlFor="item-assignee">
              <select
                id="item-assignee"
                value={draft.assigneeId}
                onChange={(event) => set("assigneeId", event.target.value)}
                className={controlClass}
              >
                <option value="">{t("unassigned")}</option>
                {people.map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.name} ({person.email})
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t("dueAt")} htmlFor="item-due" hint={t("dueHint")}>
              <input
                id="item-due"
                type="datetime-local"
                value={draft.dueAt}
                onChange={(event) => set("dueAt", event.target.value)}
                className={controlClass}
              />
            </Field>
            <Field label={t("evidenceUrl")} htmlFor="item-evidence">
              <input
                id="item-evidence"
                type="url"
                inputMode="url"
                pattern="https?://.+"
                title={t("evidenceHint")}
                placeholder="https://"
                value={draft.evidenceUrl}
                onChange={(event) => set("evidenceUrl", event.target.value)}
                className={controlClass}
              />
            </Field>
            <Field label={t("note")} htmlFor="item-note">
              <textarea
                id="item-note"
                rows={4}
                maxLength={2000}
                value={draft.note}
                onChange={(event) => set("note", event.target.value)}
                className={textareaClass}
              />
            </Field>
            {canConfigure ? (
              <label className="flex items-center gap-2 text-[13px]">
                <input
                  type="checkbox"
                  checked={draft.requiredForGoLive}
                  onChange={(event) => set("requiredForGoLive", event.target.checked)}
                  className="size-4 accent-accent-solid"
                />
                {t("required")}
              </label>
            ) : null}
          </fieldset>
        </form>
        {item.updatedBy ? (
          <p className="text-[12px] text-ink-faint">
            {t("lastChanged", { name: item.updatedBy.name, time: dates.dateTime(item.updatedAt) })}
          </p>
        ) : null}
      </div>
    </Drawer>
  );
}

// Anyone listed by the API; when this role may not list users, at least
// oneself and whoever is assigned now.
function useAssignableUsers(current: UserRef | null): UserRef[] {
  const { data: users } = useUsers();
  const { data: me } = useMe();
  const people = new Map<string, UserRef>();
  for (const user of users ?? []) {
    if (user.active !== false) people.set(user.id, { id: user.id, name: user.name, email: user.email });
  }
  if (me) people.set(me.user.id, { id: me.user.id, name: me.user.name, email: me.user.email });
  if (current) people.set(current.id, current);
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function changes(item: ChecklistItem, draft: Draft, canConfigure: boolean): ItemPatch {
  const before = draftOf(item);
  const patch: ItemPatch = {};
  if (draft.status !== before.status) patch.status = draft.status;
  if (draft.assigneeId !== before.assigneeId) patch.assigneeId = draft.assigneeId || null;
  if (draft.dueAt !== before.dueAt) patch.dueAt = fromDateTimeLocal(draft.dueAt);
  if (draft.evidenceUrl.trim() !== before.evidenceUrl) patch.evidenceUrl = draft.evidenceUrl.trim() || null;
  if (draft.note !== before.note) patch.note = draft.note || null;
  if (canConfigure && draft.requiredForGoLive !== before.requiredForGoLive) patch.requiredForGoLive = draft.requiredForGoLive;
  return patch;
}
