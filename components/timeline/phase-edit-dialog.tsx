"use client";

import { useId, useState, type FormEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { Phase, PhasePatch } from "@/components/hooks/use-phases";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { controlClass, Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { localized } from "@/lib/client/localized";
import type { LocalizedText } from "@/lib/client/types";
import { fromLocalInput, toLocalInput } from "./timeline-scale";

const statuses: Phase["status"][] = ["pending", "running", "done", "skipped", "failed"];

interface PhaseEditDialogProps {
  phase: Phase;
  teams: { key: string; name: LocalizedText }[];
  shiftDependents: boolean;
  saving: boolean;
  error: unknown;
  onSave: (patch: PhasePatch) => void;
  onClose: () => void;
}

export function PhaseEditDialog({ phase, teams, shiftDependents, saving, error, onSave, onClose }: PhaseEditDialogProps) {
  const t = useTranslations("timeline.edit");
  const tStatus = useTranslations("release.phases.statuses");
  const tCommon = useTranslations("common");
  const locale = useLocale();
  const id = useId();
  const [titleKo, setTitleKo] = useState(phase.title.ko);
  const [titleEn, setTitleEn] = useState(phase.title.en);
  const [startsAt, setStartsAt] = useState(toLocalInput(phase.startsAt));
  const [endsAt, setEndsAt] = useState(toLocalInput(phase.endsAt));
  const [owners, setOwners] = useState<string[]>(phase.ownerTeams);
  const [status, setStatus] = useState(phase.plannedStatus);
  const [shift, setShift] = useState(shiftDependents);
  const [localError, setLocalError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const start = fromLocalInput(startsAt);
    const end = fromLocalInput(endsAt);
    if (!start) return setLocalError(t("startRequired"));
    if (end && end < start) return setLocalError(t("endBeforeStart"));
    if (owners.length === 0) return setLocalError(t("ownerRequired"));
    setLocalError(null);
    const patch: PhasePatch = { shiftDependents: shift };
    if (titleKo.trim() !== phase.title.ko || titleEn.trim() !== phase.title.en) patch.title = { ko: titleKo.trim(), en: titleEn.trim() };
    if (start !== phase.startsAt) patch.startsAt = start;
    if (end !== phase.endsAt) patch.endsAt = end;
    if (owners.join() !== phase.ownerTeams.join()) patch.ownerTeams = owners;
    if (status !== phase.plannedStatus) patch.status = status;
    if (Object.keys(patch).length === 1) return onClose();
    onSave(patch);
  };

  return (
    <Dialog
      open
      title={t("title", { phase: localized(phase.title, locale) })}
      onClose={onClose}
      testId="phase-edit-dialog"
      footer={
        <>
          <Button onClick={onClose}>{tCommon("cancel")}</Button>
          <Button variant="primary" type="submit" form={`${id}-form`} disabled={saving}>
            {saving ? tCommon("saving") : tCommon("save")}
          </Button>
        </>
      }
    >
      <form id={`${id}-form`} onSubmit={submit} className="flex flex-col gap-3" noValidate>
        <div className="grid grid-cols-2 gap-3">
          <Field label={t("titleKo")} htmlFor={`${id}-ko`}>
            <input id={`${id}-ko`} lang="ko" className={controlClass} value={titleKo} onChange={(e) => setTitleKo(e.target.value)} required maxLength={200} />
          </Field>
          <Field label={t("titleEn")} htmlFor={`${id}-en`}>
            <input id={`${id}-en`} lang="en" className={controlClass} value={titleEn} onChange={(e) => setTitleEn(e.target.value)} required maxLength={200} />
          </Field>
          <Field label={t("starts")} htmlFor={`${id}-start`}>
            <input id={`${id}-start`} type="datetime-local" className={controlClass} value={startsAt} onChange={(e) => setStartsAt(e.target.value)} required />
          </Field>
          <Field label={t("ends")} htmlFor={`${id}-end`} hint={t("endsHint")}>
            <input id={`${id}-end`} type="datetime-local" className={controlClass} value={endsAt} onChange={(e) => setEndsAt(e.target.value)} />
          </Field>
        </div>
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 text-[12px] font-medium text-ink-muted">{t("owners")}</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1.5">
            {teams.map((team) => (
              <label key={team.key} className="flex items-center gap-1.5 text-[13px]">
                <input
                  type="checkbox"
                  checked={owners.includes(team.key)}
                  onChange={(e) => setOwners(e.target.checked ? [...owners, team.key] : owners.filter((key) => key !== team.key))}
                />
                {localized(team.name, locale)}
              </label>
            ))}
          </div>
        </fieldset>
        <Field label={t("status")} htmlFor={`${id}-status`} hint={phase.status !== phase.plannedStatus ? t("statusFollows", { status: tStatus(phase.status) }) : undefined}>
          <select id={`${id}-status`} className={controlClass} value={status} onChange={(e) => setStatus(statuses.find((s) => s === e.target.value) ?? status)}>
            {statuses.map((value) => (
              <option key={value} value={value}>
                {tStatus(value)}
              </option>
            ))}
          </select>
        </Field>
        <label className="flex items-center gap-2 text-[13px]">
          <input type="checkbox" checked={shift} onChange={(e) => setShift(e.target.checked)} />
          {t("shiftDependents")}
        </label>
        {localError ? <p role="alert" className="text-[13px] text-danger">{localError}</p> : null}
        {error ? <FormError error={error} /> : null}
      </form>
    </Dialog>
  );
}
