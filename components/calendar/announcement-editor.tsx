"use client";

import { useState, type FormEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useAnnouncementAction, useSaveAnnouncement, type AnnouncementAction, type AnnouncementDto } from "@/components/hooks/use-announcements";
import { useMe } from "@/components/hooks/use-me";
import { useUsers } from "@/components/hooks/use-users";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Drawer } from "@/components/ui/drawer";
import { Field, controlClass, textareaClass } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { useDateFormat } from "@/components/ui/use-date-format";
import {
  announcementAudiences,
  announcementChannels,
  announcementConditions,
  announcementLocales,
  channelBodyLimits,
  type AnnouncementAudience,
  type AnnouncementChannel,
  type AnnouncementCondition,
  type AnnouncementLocale,
  type CreateAnnouncementInput,
  type UpdateAnnouncementInput,
  type WorkingHours,
} from "@/lib/announcements/announcements.validation";
import { fromDateTimeLocal, toDateTimeLocal } from "@/lib/client/datetime-local";
import { statusTones } from "./calendar-tones";
import { MarkdownPreview } from "./markdown-preview";

export type EditorTarget = { kind: "edit"; announcement: AnnouncementDto } | { kind: "new"; scheduledAt: string };

interface AnnouncementEditorProps {
  releaseId: string;
  releaseZone: string;
  workingHours: WorkingHours;
  target: EditorTarget;
  mayEdit: (audience: AnnouncementAudience) => boolean;
  maySend: (audience: AnnouncementAudience) => boolean;
  onClose: () => void;
}

interface Draft {
  channel: AnnouncementChannel;
  audience: AnnouncementAudience;
  locale: AnnouncementLocale;
  title: string;
  body: string;
  scheduledAt: string;
  ownerId: string;
  condition: AnnouncementCondition | "";
  recipients: string;
  status: "draft" | "scheduled" | "";
}

const mailChannels = new Set<AnnouncementChannel>(["email", "internal_meeting"]);
const lockedStatuses = new Set(["sending", "sent"]);

function draftOf(target: EditorTarget, fallbackLocale: AnnouncementLocale, audience: AnnouncementAudience): Draft {
  if (target.kind === "new") {
    return {
      channel: audience === "external" ? "email" : "slack",
      audience,
      locale: fallbackLocale,
      title: "",
      body: "",
      scheduledAt: toDateTimeLocal(target.scheduledAt),
      ownerId: "",
      condition: "",
      recipients: "",
      status: "draft",
    };
  }
  const a = target.announcement;
  return {
    channel: a.channel,
    audience: a.audience,
    locale: a.locale,
    title: a.title,
    body: a.body,
    scheduledAt: toDateTimeLocal(a.scheduledAt),
    ownerId: a.owner?.id ?? "",
    condition: a.condition ?? "",
    recipients: a.recipients.join("\n"),
    status: a.status === "draft" || a.status === "scheduled" ? a.status : "",
  };
}

// A <select>'s value as one of the options it was built from.
function pick<T extends string>(values: readonly T[], raw: string, fallback: T): T {
  return values.find((value) => value === raw) ?? fallback;
}

function recipientList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((address) => address.trim())
    .filter(Boolean);
}

// The form edits a copy of the announcement as it was when opened; saving
// sends that copy's version, so a change made meanwhile comes back as a
// conflict (the form then reloads the current one) instead of being lost.
export function AnnouncementEditor({ releaseId, releaseZone, workingHours, target, mayEdit, maySend, onClose }: AnnouncementEditorProps) {
  const t = useTranslations("calendar");
  const uiLocale = pick(announcementLocales, useLocale(), "en");
  const tCommon = useTranslations("common");
  const dates = useDateFormat();
  const { data: me } = useMe();
  const { data: users } = useUsers();
  const defaultAudience: AnnouncementAudience = mayEdit("external") ? "external" : "internal";
  const [current, setCurrent] = useState<AnnouncementDto | null>(target.kind === "edit" ? target.announcement : null);
  const [draft, setDraft] = useState(() => draftOf(target, uiLocale, defaultAudience));
  const [notice, setNotice] = useState<string | null>(null);
  const [tab, setTab] = useState<"write" | "preview">("write");
  const [confirming, setConfirming] = useState<AnnouncementAction | null>(null);
  const reload = (announcement: AnnouncementDto) => {
    setCurrent(announcement);
    setDraft(draftOf({ kind: "edit", announcement }, uiLocale, defaultAudience));
    setNotice(t("editor.conflict"));
  };
  const save = useSaveAnnouncement(releaseId, { onConflict: reload });
  const action = useAnnouncementAction(releaseId, { onConflict: reload });
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((previous) => ({ ...previous, [key]: value }));

  const locked = current !== null && lockedStatuses.has(current.status);
  const editable = !locked && mayEdit(current?.audience ?? draft.audience) && mayEdit(draft.audience);
  const limit = channelBodyLimits[draft.channel];
  const bodySize = limit.unit === "bytes" ? new TextEncoder().encode(draft.body).length : [...draft.body].length;
  const scheduledIso = fromDateTimeLocal(draft.scheduledAt);
  // Anyone the API lists; when this role may not list users, at least oneself
  // and the current owner.
  const people = new Map<string, { id: string; name: string; email: string }>();
  for (const user of users ?? []) if (user.active !== false) people.set(user.id, user);
  if (me) people.set(me.user.id, me.user);
  if (current?.owner) people.set(current.owner.id, current.owner);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(null);
    if (!scheduledIso) return;
    const recipients = mailChannels.has(draft.channel) ? recipientList(draft.recipients) : [];
    if (!current) {
      const input: CreateAnnouncementInput = {
        channel: draft.channel,
        audience: draft.audience,
        locale: draft.locale,
        title: draft.title,
        body: draft.body,
        scheduledAt: scheduledIso,
        ownerId: draft.ownerId || undefined,
        condition: draft.condition || null,
        recipients,
        status: draft.status || "draft",
      };
      save.mutate({ kind: "create", input }, { onSuccess: onClose });
      return;
    }
    const before = draftOf({ kind: "edit", announcement: current }, uiLocale, defaultAudience);
    const patch: UpdateAnnouncementInput = { version: current.version };
    if (draft.channel !== before.channel) patch.channel = draft.channel;
    if (draft.audience !== before.audience) patch.audience = draft.audience;
    if (draft.locale !== before.locale) patch.locale = draft.locale;
    if (draft.title !== before.title) patch.title = draft.title;
    if (draft.body !== before.body) patch.body = draft.body;
    if (draft.scheduledAt !== before.scheduledAt) patch.scheduledAt = scheduledIso;
    if (draft.ownerId !== before.ownerId) patch.ownerId = draft.ownerId || null;
    if (draft.condition !== before.condition) patch.condition = draft.condition || null;
    if (draft.recipients !== before.recipients || (draft.channel !== before.channel && !mailChannels.has(draft.channel))) patch.recipients = recipients;
    if (draft.status && draft.status !== before.status) patch.status = draft.status;
    if (Object.keys(patch).length === 1) {
      onClose();
      return;
    }
    save.mutate({ kind: "update", id: current.id, patch }, { onSuccess: onClose });
  }

  function run(kind: AnnouncementAction) {
    if (!current) return;
    setConfirming(null);
    action.mutate({ announcement: current, action: kind }, { onSuccess: onClose });
  }

  const title = current ? t("editor.editTitle") : t("editor.newTitle");
  const busy = save.isPending || action.isPending;
  const canSend = current !== null && !locked && maySend(current.audience);
  const canCancel = current !== null && editable && current.status !== "cancelled";

  return (
    <Drawer
      open
      title={title}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{editable ? tCommon("cancel") : tCommon("close")}</Button>
          {editable ? (
            <Button type="submit" form="announcement-editor-form" variant="primary" disabled={busy || !scheduledIso} data-testid="announcement-save">
              {save.isPending ? tCommon("saving") : tCommon("save")}
            </Button>
          ) : null}
        </>
      }
    >
      <div className="flex flex-col gap-4" data-testid="announcement-editor">
        {notice ? <Alert tone="warn" testId="announcement-conflict">{notice}</Alert> : null}
        {save.error && !notice ? <FormError error={save.error} /> : null}
        {action.error && !notice ? <FormError error={action.error} /> : null}
        {current ? (
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={statusTones[current.status]}>{t(`statuses.${current.status}`)}</Badge>
            {current.sentAt ? <span className="text-[12px] text-ink-muted">{t("editor.sentAt", { time: dates.dateTime(current.sentAt) })}</span> : null}
          </div>
        ) : null}
        {current?.status === "held" && current.heldReason ? <Alert tone="warn">{t("editor.heldBecause", { reason: current.heldReason })}</Alert> : null}
        {current && current.conflicts.length > 0 ? (
          <Alert tone="warn" role="status">
            <ul className="list-disc pl-5">
              {current.conflicts.map((conflict, index) => (
                <li key={`${conflict.code}-${index}`}>{t(`conflicts.${conflict.code}`, { ...workingHours, zone: releaseZone })}</li>
              ))}
            </ul>
          </Alert>
        ) : null}
        {locked ? (
          <Alert tone="info" role="status">
            {t("editor.locked")}
          </Alert>
        ) : !editable ? (
          <Alert tone="info" role="status" testId="announcement-read-only">
            {t("editor.readOnly")}
          </Alert>
        ) : null}

        <form id="announcement-editor-form" onSubmit={submit} className="flex flex-col gap-4">
          <fieldset disabled={!editable || busy} className="flex flex-col gap-4">
            <legend className="sr-only">{title}</legend>
            <Field label={t("editor.title")} htmlFor="announcement-title">
              <input id="announcement-title" required maxLength={200} value={draft.title} onChange={(event) => set("title", event.target.value)} className={controlClass} />
            </Field>
            <div className="grid grid-cols-3 gap-3">
              <Field label={t("editor.channel")} htmlFor="announcement-channel">
                <select id="announcement-channel" value={draft.channel} onChange={(event) => set("channel", pick(announcementChannels, event.target.value, draft.channel))} className={controlClass}>
                  {announcementChannels.map((channel) => (
                    <option key={channel} value={channel}>
                      {t(`channels.${channel}`)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label={t("editor.audience")} htmlFor="announcement-audience">
                <select id="announcement-audience" value={draft.audience} onChange={(event) => set("audience", pick(announcementAudiences, event.target.value, draft.audience))} className={controlClass}>
                  {announcementAudiences.map((audience) => (
                    <option key={audience} value={audience} disabled={!mayEdit(audience)}>
                      {t(`audiences.${audience}`)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label={t("editor.language")} htmlFor="announcement-locale">
                <select id="announcement-locale" value={draft.locale} onChange={(event) => set("locale", pick(announcementLocales, event.target.value, draft.locale))} className={controlClass}>
                  {announcementLocales.map((locale) => (
                    <option key={locale} value={locale}>
                      {t(`locales.${locale}`)}
                    </option>
                  ))}
                </select>
              </Field>
            </div>
            <Field
              label={t("editor.scheduledAt")}
              htmlFor="announcement-scheduled"
              hint={scheduledIso ? t("editor.scheduledHint", { zone: releaseZone, time: dates.dateTime(scheduledIso, releaseZone) }) : undefined}
            >
              <input id="announcement-scheduled" type="datetime-local" required value={draft.scheduledAt} onChange={(event) => set("scheduledAt", event.target.value)} className={controlClass} />
            </Field>
            <div className="grid grid-cols-2 gap-3">
              <Field label={t("editor.status")} htmlFor="announcement-status">
                <select id="announcement-status" value={draft.status} onChange={(event) => set("status", pick(["draft", "scheduled", ""] as const, event.target.value, draft.status))} className={controlClass}>
                  {current && draft.status === "" ? <option value="">{t(`statuses.${current.status}`)}</option> : null}
                  <option value="draft">{t("statuses.draft")}</option>
                  <option value="scheduled">{t("statuses.scheduled")}</option>
                </select>
              </Field>
              <Field label={t("editor.owner")} htmlFor="announcement-owner">
                <select id="announcement-owner" value={draft.ownerId} onChange={(event) => set("ownerId", event.target.value)} className={controlClass}>
                  <option value="">{current ? t("editor.noOwner") : (me?.user.name ?? t("editor.noOwner"))}</option>
                  {[...people.values()].map((person) => (
                    <option key={person.id} value={person.id}>
                      {person.name} ({person.email})
                    </option>
                  ))}
                </select>
              </Field>
            </div>
            <Field label={t("editor.condition")} htmlFor="announcement-condition">
              <select id="announcement-condition" value={draft.condition} onChange={(event) => set("condition", pick([...announcementConditions, ""] as const, event.target.value, draft.condition))} className={controlClass}>
                <option value="">{t("conditions.none")}</option>
                {announcementConditions.map((condition) => (
                  <option key={condition} value={condition}>
                    {t(`conditions.${condition}`)}
                  </option>
                ))}
              </select>
            </Field>
            {mailChannels.has(draft.channel) ? (
              <Field label={t("editor.recipients")} htmlFor="announcement-recipients" hint={t("editor.recipientsHint")}>
                <textarea id="announcement-recipients" rows={3} value={draft.recipients} onChange={(event) => set("recipients", event.target.value)} className={textareaClass} />
              </Field>
            ) : null}
            <div className="flex flex-col gap-1">
              <div className="flex items-center justify-between gap-2">
                <label htmlFor="announcement-body" className="text-[12px] font-medium text-ink-muted">
                  {t("editor.body")}
                </label>
                <div role="tablist" aria-label={t("editor.body")} className="flex gap-1">
                  {(["write", "preview"] as const).map((name) => (
                    <button
                      key={name}
                      type="button"
                      role="tab"
                      aria-selected={tab === name}
                      aria-controls={`announcement-${name}-panel`}
                      onClick={() => setTab(name)}
                      className={`rounded px-2 py-0.5 text-[12px] ${tab === name ? "bg-accent-soft font-medium text-accent" : "text-ink-muted hover:text-ink"}`}
                    >
                      {t(`editor.${name}`)}
                    </button>
                  ))}
                </div>
              </div>
              <div id="announcement-write-panel" role="tabpanel" hidden={tab !== "write"}>
                <textarea id="announcement-body" rows={8} value={draft.body} onChange={(event) => set("body", event.target.value)} className={textareaClass} aria-describedby="announcement-body-count" />
              </div>
              <div id="announcement-preview-panel" role="tabpanel" hidden={tab !== "preview"}>
                <MarkdownPreview source={draft.body} empty={t("editor.emptyPreview")} />
              </div>
              <p id="announcement-body-count" className={`text-[12px] ${bodySize > limit.max ? "text-danger" : "text-ink-faint"}`}>
                {t(limit.unit === "bytes" ? "editor.bodyBytes" : "editor.bodyCount", { count: bodySize, max: limit.max })}
              </p>
            </div>
          </fieldset>
        </form>

        {current && current.deliveries.length > 0 ? (
          <section aria-labelledby="announcement-deliveries" className="flex flex-col gap-1">
            <h3 id="announcement-deliveries" className="text-[12px] font-medium text-ink-muted">
              {t("editor.deliveries")}
            </h3>
            <ul className="flex flex-col gap-1 text-[12px]">
              {current.deliveries.map((delivery) => (
                <li key={delivery.id} className={delivery.status === "failed" ? "text-danger" : "text-ink-muted"}>
                  {t("editor.delivery", { target: delivery.target, status: t(`editor.deliveryStatuses.${delivery.status}`), attempts: delivery.attempts })}
                  {delivery.lastError ? ` — ${delivery.lastError}` : ""}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {canSend || canCancel ? (
          <div className="flex flex-col gap-2 border-t border-line pt-3">
            {confirming && current ? (
              <Alert tone="warn" role="status">
                <p>{t(confirming === "send-now" ? "editor.confirmSend" : "editor.confirmCancel", { title: current.title })}</p>
                <div className="mt-2 flex gap-2">
                  <Button size="sm" variant={confirming === "send-now" ? "primary" : "danger"} onClick={() => run(confirming)} data-testid="announcement-confirm">
                    {t(confirming === "send-now" ? "editor.sendNow" : "editor.cancelAnnouncement")}
                  </Button>
                  <Button size="sm" onClick={() => setConfirming(null)}>
                    {tCommon("cancel")}
                  </Button>
                </div>
              </Alert>
            ) : (
              <div className="flex flex-wrap gap-2">
                {canSend ? (
                  <Button variant="primary" disabled={busy} onClick={() => setConfirming("send-now")} data-testid="announcement-send-now">
                    {action.isPending ? t("editor.sending") : t("editor.sendNow")}
                  </Button>
                ) : null}
                {canCancel ? (
                  <Button variant="danger" disabled={busy} onClick={() => setConfirming("cancel")} data-testid="announcement-cancel">
                    {t("editor.cancelAnnouncement")}
                  </Button>
                ) : null}
              </div>
            )}
          </div>
        ) : null}
      </div>
    </Drawer>
  );
}
