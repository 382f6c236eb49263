"use client";

import { useState, type FormEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useUpdateCriterion } from "@/components/hooks/use-criteria";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Drawer } from "@/components/ui/drawer";
import { Field, controlClass } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { isApiError } from "@/lib/client/api";
import { localized } from "@/lib/client/localized";
import type { CriterionDetail, CriterionPatch } from "@/lib/client/types";
import { aggregationOptions, comparatorOptions, draftOf, patchFrom, type CriterionDraft } from "./criterion-draft";

interface CriterionFormProps {
  releaseId: string;
  criterion: CriterionDetail;
  onClose: () => void;
}

// Edits a copy of the criterion as opened; saving sends that copy's version,
// so a change made meanwhile comes back as a conflict with the current one.
export function CriterionForm({ releaseId, criterion, onClose }: CriterionFormProps) {
  const t = useTranslations("metrics.editor");
  const tCommon = useTranslations("common");
  const locale = useLocale();
  const update = useUpdateCriterion(releaseId);
  const [base, setBase] = useState(criterion);
  const [draft, setDraft] = useState<CriterionDraft>(() => draftOf(criterion));
  const [conflicted, setConflicted] = useState(false);
  const measured = base.metric !== null;

  function set<K extends keyof CriterionDraft>(field: K, value: CriterionDraft[K]) {
    setDraft((current) => ({ ...current, [field]: value }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setConflicted(false);
    const patch: CriterionPatch = patchFrom(base, draft);
    if (Object.keys(patch).length === 1) {
      onClose();
      return;
    }
    update.mutate(
      { criterionId: base.id, patch },
      {
        onSuccess: onClose,
        onError: (error) => {
          const current = isApiError(error) && error.code === "VERSION_CONFLICT" ? conflictCurrent(error.details) : null;
          if (!current) return;
          setBase(current);
          setDraft(draftOf(current));
          setConflicted(true);
          update.reset();
        },
      },
    );
  }

  const id = (field: string) => `criterion-${field}`;
  return (
    <Drawer
      open
      title={t("title", { name: localized(base.title, locale) })}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{tCommon("cancel")}</Button>
          <Button type="submit" form="criterion-form" variant="primary" disabled={update.isPending} data-testid="criterion-save">
            {update.isPending ? tCommon("saving") : tCommon("save")}
          </Button>
        </>
      }
    >
      <form id="criterion-form" onSubmit={submit} noValidate className="flex flex-col gap-3" data-testid="criterion-form">
        {conflicted ? (
          <Alert tone="warn" testId="criterion-conflict">
            {t("conflict")}
          </Alert>
        ) : null}
        {update.error ? <FormError error={update.error} /> : null}
        <p className="font-mono text-[12px] text-ink-muted">{base.key}</p>
        {measured ? (
          <div className="grid grid-cols-2 gap-3">
            <Field label={t("aggregation")} htmlFor={id("aggregation")}>
              <select id={id("aggregation")} value={draft.aggregation} onChange={(e) => set("aggregation", e.target.value)} className={controlClass}>
                {aggregationOptions.map((option) => (
                  <option key={option} value={option}>
                    {t(`aggregations.${option}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t("comparator")} htmlFor={id("comparator")}>
              <select id={id("comparator")} value={draft.comparator} onChange={(e) => set("comparator", e.target.value)} className={controlClass}>
                {comparatorOptions.map((option) => (
                  <option key={option} value={option}>
                    {t(`comparators.${option}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t("threshold")} htmlFor={id("threshold")} hint={base.baseline ? t("thresholdRelative") : undefined}>
              <input
                id={id("threshold")}
                type="number"
                step="any"
                value={draft.threshold}
                disabled={base.baseline !== null}
                onChange={(e) => set("threshold", e.target.value)}
                className={controlClass}
              />
            </Field>
            <Field label={t("window")} htmlFor={id("window")} hint={t("windowHint")}>
              <input id={id("window")} type="number" min={1} step={1} value={draft.windowSec} onChange={(e) => set("windowSec", e.target.value)} className={controlClass} />
            </Field>
            <Field label={t("consecutiveBreaches")} htmlFor={id("consecutive")}>
              <input
                id={id("consecutive")}
                type="number"
                min={1}
                step={1}
                value={draft.consecutiveBreaches}
                onChange={(e) => set("consecutiveBreaches", e.target.value)}
                className={controlClass}
              />
            </Field>
          </div>
        ) : (
          <p className="text-[12px] text-ink-muted">{t("manualNote")}</p>
        )}
        <label className="flex items-center gap-2 text-[13px]">
          <input type="checkbox" checked={draft.isKey} onChange={(e) => set("isKey", e.target.checked)} />
          {t("isKey")}
        </label>
        <label className="flex items-center gap-2 text-[13px]">
          <input type="checkbox" checked={draft.dryRun} onChange={(e) => set("dryRun", e.target.checked)} />
          {t("dryRun")}
        </label>
      </form>
    </Drawer>
  );
}

function conflictCurrent(details: unknown): CriterionDetail | null {
  if (typeof details !== "object" || details === null || !("current" in details)) return null;
  const current = (details as { current: unknown }).current;
  if (typeof current !== "object" || current === null) return null;
  const candidate = current as Partial<CriterionDetail>;
  return typeof candidate.id === "string" && typeof candidate.version === "number" ? (current as CriterionDetail) : null;
}
