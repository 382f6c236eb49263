"use client";

import { useId, useState, type FormEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { Risk } from "@/components/hooks/use-risks";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { controlClass, Field, textareaClass } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { localized } from "@/lib/client/localized";
import type { LocalizedText, User } from "@/lib/client/types";
import type { CreateRiskInput } from "@/lib/risks/risks.validation";

const scale = [1, 2, 3, 4, 5] as const;
const statuses = ["open", "mitigated", "accepted", "closed"] as const;
type Status = (typeof statuses)[number];

export interface RiskForm {
  title: LocalizedText;
  impact: LocalizedText;
  mitigation: LocalizedText;
  severity: number;
  likelihood: number;
  status: Status;
  ownerId: string | null;
  linkedItemKeys: string[];
}

interface RiskDialogProps {
  risk: Risk | null;
  users: User[];
  items: { key: string; title: LocalizedText }[];
  saving: boolean;
  error: unknown;
  onSave: (input: Partial<CreateRiskInput>) => void;
  onClose: () => void;
}

export function RiskDialog({ risk, users, items, saving, error, onSave, onClose }: RiskDialogProps) {
  const t = useTranslations("riskRegister");
  const tCommon = useTranslations("common");
  const locale = useLocale();
  const id = useId();
  const [form, setForm] = useState<RiskForm>(() => ({
    title: risk?.title ?? { ko: "", en: "" },
    impact: risk?.impact ?? { ko: "", en: "" },
    mitigation: risk?.mitigation ?? { ko: "", en: "" },
    severity: risk?.severity ?? 3,
    likelihood: risk?.likelihood ?? 3,
    status: risk?.status ?? "open",
    ownerId: risk?.owner?.id ?? null,
    linkedItemKeys: risk?.linkedItems.map((item) => item.key) ?? [],
  }));
  const [problem, setProblem] = useState<string | null>(null);
  const set = <K extends keyof RiskForm>(key: K, value: RiskForm[K]) => setForm((current) => ({ ...current, [key]: value }));
  const text = (key: "title" | "impact" | "mitigation", lang: "ko" | "en", value: string) => set(key, { ...form[key], [lang]: value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.title.ko.trim() && !form.title.en.trim()) return setProblem(t("form.titleRequired"));
    setProblem(null);
    const pair = (value: LocalizedText) => ({ ...(value.ko.trim() ? { ko: value.ko.trim() } : {}), ...(value.en.trim() ? { en: value.en.trim() } : {}) });
    const hasText = (value: LocalizedText) => Boolean(value.ko.trim() || value.en.trim());
    onSave({
      title: pair(form.title),
      ...(hasText(form.impact) ? { impact: pair(form.impact) } : {}),
      ...(hasText(form.mitigation) ? { mitigation: pair(form.mitigation) } : {}),
      severity: form.severity,
      likelihood: form.likelihood,
      status: form.status,
      ownerId: form.ownerId,
      linkedItemKeys: form.linkedItemKeys,
    });
  };

  const textPair = (key: "title" | "impact" | "mitigation", multiline: boolean) =>
    (["ko", "en"] as const).map((lang) => {
      const fieldId = `${id}-${key}-${lang}`;
      const label = t(`form.${key}${lang === "ko" ? "Ko" : "En"}`);
      return (
        <Field key={fieldId} label={label} htmlFor={fieldId}>
          {multiline ? (
            <textarea id={fieldId} lang={lang} className={textareaClass} maxLength={2000} value={form[key][lang]} onChange={(event) => text(key, lang, event.target.value)} />
          ) : (
            <input id={fieldId} lang={lang} className={controlClass} maxLength={200} value={form[key][lang]} onChange={(event) => text(key, lang, event.target.value)} />
          )}
        </Field>
      );
    });

  return (
    <Dialog
      open
      title={risk ? t("editRisk", { risk: localized(risk.title, locale) }) : t("newRisk")}
      onClose={onClose}
      testId="risk-dialog"
      footer={
        <>
          <Button onClick={onClose}>{tCommon("cancel")}</Button>
          <Button variant="primary" type="submit" form={`${id}-form`} disabled={saving}>
            {saving ? tCommon("saving") : tCommon("save")}
          </Button>
        </>
      }
    >
      <form id={`${id}-form`} onSubmit={submit} className="flex max-h-[65vh] flex-col gap-3 overflow-y-auto pr-1" noValidate>
        <p className="text-[12px] text-ink-faint">{t("form.oneLanguage")}</p>
        <div className="grid gap-3 sm:grid-cols-2">
          {textPair("title", false)}
          {textPair("impact", true)}
          {textPair("mitigation", true)}
          <Field label={t("form.severity")} htmlFor={`${id}-severity`}>
            <select id={`${id}-severity`} className={controlClass} value={form.severity} onChange={(event) => set("severity", Number(event.target.value))}>
              {scale.map((value) => (
                <option key={value} value={value}>
                  {t(`scale.${value}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t("form.likelihood")} htmlFor={`${id}-likelihood`}>
            <select id={`${id}-likelihood`} className={controlClass} value={form.likelihood} onChange={(event) => set("likelihood", Number(event.target.value))}>
              {scale.map((value) => (
                <option key={value} value={value}>
                  {t(`scale.${value}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t("form.owner")} htmlFor={`${id}-owner`}>
            <select id={`${id}-owner`} className={controlClass} value={form.ownerId ?? ""} onChange={(event) => set("ownerId", event.target.value || null)}>
              <option value="">{t("form.noOwner")}</option>
              {users.map((user) => (
                <option key={user.id} value={user.id}>
                  {user.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t("form.status")} htmlFor={`${id}-status`}>
            <select id={`${id}-status`} className={controlClass} value={form.status} onChange={(event) => set("status", statuses.find((status) => status === event.target.value) ?? form.status)}>
              {statuses.map((status) => (
                <option key={status} value={status}>
                  {t(`statuses.${status}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <fieldset>
          <legend className="mb-1 text-[12px] font-medium text-ink-muted">{t("form.linked")}</legend>
          <div className="flex max-h-40 flex-col gap-1 overflow-y-auto rounded-md border border-line p-2">
            {items.map((item) => (
              <label key={item.key} className="flex items-start gap-2 text-[13px]">
                <input
                  type="checkbox"
                  className="mt-0.5"
                  checked={form.linkedItemKeys.includes(item.key)}
                  onChange={(event) => set("linkedItemKeys", event.target.checked ? [...form.linkedItemKeys, item.key] : form.linkedItemKeys.filter((key) => key !== item.key))}
                />
                {localized(item.title, locale)}
              </label>
            ))}
          </div>
        </fieldset>
        {problem ? <p role="alert" className="text-[13px] text-danger">{problem}</p> : null}
        {error ? <FormError error={error} /> : null}
      </form>
    </Dialog>
  );
}
