"use client";

import { useId, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useCreateRelease } from "@/components/hooks/use-create-release";
import { usePermission } from "@/components/hooks/use-me";
import { useReleases } from "@/components/hooks/use-release";
import { fromLocalInput } from "@/components/timeline/timeline-scale";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { controlClass, Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { isApiError } from "@/lib/client/api";
import { localized } from "@/lib/client/localized";

// The "New release" button beside the release switcher, for the roles that
// may create one.
export function NewReleaseButton({ releaseId }: { releaseId: string | null }) {
  const t = useTranslations("newRelease");
  const canCreate = usePermission("release.create");
  const [open, setOpen] = useState(false);
  if (!canCreate) return null;
  return (
    <>
      <Button size="sm" variant="ghost" onClick={() => setOpen(true)} data-testid="new-release" aria-haspopup="dialog">
        <span aria-hidden>＋</span>
        <span className="sr-only sm:not-sr-only">{t("open")}</span>
      </Button>
      {open ? <NewReleaseDialog sourceId={releaseId} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function NewReleaseDialog({ sourceId, onClose }: { sourceId: string | null; onClose: () => void }) {
  const t = useTranslations("newRelease");
  const tCommon = useTranslations("common");
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const { data: releases } = useReleases();
  const create = useCreateRelease();
  const source = releases?.find((release) => release.id === sourceId);
  const [from, setFrom] = useState<"template" | "clone">("template");
  const [sourceReleaseId, setSourceReleaseId] = useState(sourceId ?? "");
  const [version, setVersion] = useState("");
  const [launchAt, setLaunchAt] = useState("");
  const [timezone, setTimezone] = useState(source?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const launch = fromLocalInput(launchAt);
    if (!version.trim() || !launch || !timezone.trim()) return setProblem(t("incomplete"));
    setProblem(null);
    create.mutate(
      { from, ...(from === "clone" ? { sourceReleaseId } : {}), version: version.trim(), launchAt: launch, timezone: timezone.trim() },
      {
        onSuccess: ({ release }) => {
          onClose();
          router.push(`/releases/${release.id}`);
        },
      },
    );
  };
  const taken = isApiError(create.error) && create.error.code === "CONFLICT";

  return (
    <Dialog
      open
      title={t("title")}
      onClose={onClose}
      testId="new-release-dialog"
      footer={
        <>
          <Button onClick={onClose}>{tCommon("cancel")}</Button>
          <Button variant="primary" type="submit" form={`${id}-form`} disabled={create.isPending}>
            {create.isPending ? t("creating") : t("create")}
          </Button>
        </>
      }
    >
      <form id={`${id}-form`} onSubmit={submit} className="flex flex-col gap-3" noValidate>
        <fieldset className="flex flex-col gap-1.5">
          <legend className="mb-1 text-[12px] font-medium text-ink-muted">{t("from")}</legend>
          {(["template", "clone"] as const).map((value) => (
            <label key={value} className="flex items-center gap-2 text-[13px]">
              <input type="radio" name={`${id}-from`} value={value} checked={from === value} onChange={() => setFrom(value)} />
              {t(value)}
            </label>
          ))}
        </fieldset>
        {from === "clone" ? (
          <>
            <Field label={t("source")} htmlFor={`${id}-source`}>
              <select id={`${id}-source`} className={controlClass} value={sourceReleaseId} onChange={(event) => setSourceReleaseId(event.target.value)}>
                {(releases ?? []).map((release) => (
                  <option key={release.id} value={release.id}>
                    {release.version} · {localized(release.name, locale)}
                  </option>
                ))}
              </select>
            </Field>
            <p className="text-[12px] text-ink-faint">{t("cloneHint")}</p>
          </>
        ) : null}
        <Field label={t("version")} htmlFor={`${id}-version`} hint={t("versionHint")}>
          <input id={`${id}-version`} className={controlClass} required maxLength={60} value={version} onChange={(event) => setVersion(event.target.value)} />
        </Field>
        <Field label={t("launchAt")} htmlFor={`${id}-launch`}>
          <input id={`${id}-launch`} type="datetime-local" className={controlClass} required value={launchAt} onChange={(event) => setLaunchAt(event.target.value)} />
        </Field>
        <Field label={t("timezone")} htmlFor={`${id}-zone`} hint={t("timezoneHint")}>
          <input id={`${id}-zone`} className={controlClass} required maxLength={64} value={timezone} onChange={(event) => setTimezone(event.target.value)} />
        </Field>
        {problem ? <p role="alert" className="text-[13px] text-danger">{problem}</p> : null}
        {taken ? <p role="alert" className="text-[13px] text-danger">{t("versionTaken")}</p> : create.error ? <FormError error={create.error} /> : null}
      </form>
    </Dialog>
  );
}
