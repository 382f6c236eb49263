"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { useSaveSetting, useSetting } from "@/components/hooks/use-settings";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field, controlClass, textareaClass } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Panel } from "@/components/ui/panel";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { isApiError } from "@/lib/client/api";
import { driverKinds, type DriverConfig, type ReleaseSettingView } from "@/lib/client/types";
import { draftOfDriver, driverOfDraft, secretNames, type DriverDraft } from "./driver-draft";

const settingKey = "driver.production";

interface DriverSettingsPanelProps {
  releaseId: string;
  canRead: boolean;
  canUpdate: boolean;
  className?: string;
}

export function DriverSettingsPanel({ releaseId, canRead, canUpdate, className }: DriverSettingsPanelProps) {
  const t = useTranslations("control.driver");
  const { data, error, refetch } = useSetting<DriverConfig>(releaseId, settingKey, canRead);
  // Owned here so a refusal outlives the form, which restarts on the new version.
  const save = useSaveSetting<DriverConfig>(releaseId, settingKey);
  return (
    <Panel title={t("title")} id="driver-settings" className={className}>
      {!canRead ? (
        <p className="text-[13px] text-ink-muted">{t("notAllowed")}</p>
      ) : error ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : !data ? (
        <LoadingState />
      ) : (
        <DriverForm key={data.version} saved={data} save={save} canUpdate={canUpdate} />
      )}
    </Panel>
  );
}

interface DriverFormProps {
  saved: ReleaseSettingView<DriverConfig>;
  save: ReturnType<typeof useSaveSetting<DriverConfig>>;
  canUpdate: boolean;
}

// Secrets are write-only: the form shows whether each is set and sends only
// the ones typed in, so saving other fields keeps them.
function DriverForm({ saved, save, canUpdate }: DriverFormProps) {
  const t = useTranslations("control.driver");
  const tCommon = useTranslations("common");
  const [draft, setDraft] = useState<DriverDraft>(() => draftOfDriver(saved.settings));
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const set = <K extends keyof DriverDraft>(key: K, value: DriverDraft[K]) => {
    if (save.isSuccess) save.reset();
    setDraft((current) => ({ ...current, [key]: value }));
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const typed = Object.fromEntries(
      secretNames(draft).flatMap((name) => (secrets[name] ? [[name, secrets[name]] as const] : [])),
    );
    save.mutate({
      settings: driverOfDraft(draft),
      version: saved.version,
      ...(Object.keys(typed).length > 0 ? { secrets: typed } : {}),
    });
  }

  const input = (key: Exclude<keyof DriverDraft, "kind">, extra: { placeholder?: string; type?: string } = {}) => (
    <input
      id={`driver-${key}`}
      required
      value={draft[key]}
      onChange={(event) => set(key, event.target.value)}
      className={controlClass}
      {...extra}
    />
  );
  const argv = (key: "setSplitCommand" | "readStateCommand" | "healthCommand") => (
    <Field label={t(`fields.${key}`)} htmlFor={`driver-${key}`} hint={t("argvHint")}>
      <textarea
        id={`driver-${key}`}
        required
        rows={3}
        value={draft[key]}
        onChange={(event) => set(key, event.target.value)}
        className={`${textareaClass} font-mono`}
      />
    </Field>
  );

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" data-testid="driver-form">
      {canUpdate ? null : <p className="text-[12px] text-ink-faint">{t("readOnly")}</p>}
      <fieldset disabled={!canUpdate || save.isPending} className="grid gap-3 md:grid-cols-2">
        <legend className="sr-only">{t("title")}</legend>
        <Field label={t("kind")} htmlFor="driver-kind" hint={t(`kindHint.${draft.kind}`)} className="md:col-span-2">
          <select
            id="driver-kind"
            value={draft.kind}
            onChange={(event) => set("kind", driverKinds.find((kind) => kind === event.target.value) ?? "simulated")}
            className={controlClass}
          >
            {driverKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kinds.${kind}`)}
              </option>
            ))}
          </select>
        </Field>
        {draft.kind === "haproxy" ? (
          <>
            <Field label={t("fields.address")} htmlFor="driver-address" hint={t("addressHint")} className="md:col-span-2">
              {input("address", { placeholder: "unix:/run/haproxy/admin.sock" })}
            </Field>
            <Field label={t("fields.backend")} htmlFor="driver-backend">
              {input("backend")}
            </Field>
            <Field label={t("fields.timeoutMs")} htmlFor="driver-timeoutMs">
              {input("timeoutMs", { type: "number" })}
            </Field>
            <Field label={t("fields.blueServer")} htmlFor="driver-blueServer">
              {input("blueServer")}
            </Field>
            <Field label={t("fields.greenServer")} htmlFor="driver-greenServer">
              {input("greenServer")}
            </Field>
          </>
        ) : null}
        {draft.kind === "webhook" ? (
          <>
            <Field label={t("fields.url")} htmlFor="driver-url">
              {input("url", { type: "url", placeholder: "https://" })}
            </Field>
            <Field label={t("fields.timeoutMs")} htmlFor="driver-timeoutMs">
              {input("timeoutMs", { type: "number" })}
            </Field>
          </>
        ) : null}
        {draft.kind === "command" ? (
          <>
            {argv("setSplitCommand")}
            {argv("readStateCommand")}
            {argv("healthCommand")}
            <Field label={t("fields.secretEnv")} htmlFor="driver-secretEnv" hint={t("secretEnvHint")}>
              <textarea
                id="driver-secretEnv"
                rows={3}
                value={draft.secretEnv}
                onChange={(event) => set("secretEnv", event.target.value)}
                className={`${textareaClass} font-mono`}
              />
            </Field>
            <Field label={t("fields.cwd")} htmlFor="driver-cwd">
              <input id="driver-cwd" value={draft.cwd} onChange={(event) => set("cwd", event.target.value)} className={controlClass} />
            </Field>
            <Field label={t("fields.timeoutMs")} htmlFor="driver-timeoutMs">
              {input("timeoutMs", { type: "number" })}
            </Field>
          </>
        ) : null}
        {secretNames(draft).map((name) => {
          const isSet = saved.secretsSet.includes(name);
          return (
            <Field
              key={name}
              label={t("secret", { name })}
              htmlFor={`driver-secret-${name}`}
              hint={isSet ? t("secretKeep") : t("secretNeeded")}
            >
              <div className="flex items-center gap-2">
                <input
                  id={`driver-secret-${name}`}
                  type="password"
                  autoComplete="new-password"
                  required={!isSet}
                  value={secrets[name] ?? ""}
                  onChange={(event) => setSecrets((current) => ({ ...current, [name]: event.target.value }))}
                  className={controlClass}
                />
                <Badge tone={isSet ? "ok" : "warn"}>{isSet ? t("secretSet") : t("secretUnset")}</Badge>
              </div>
            </Field>
          );
        })}
      </fieldset>
      {save.error ? (
        isApiError(save.error) && save.error.status === 409 ? (
          <Alert tone="warn">{t("conflict")}</Alert>
        ) : (
          <FormError error={save.error} />
        )
      ) : null}
      {save.isSuccess ? (
        <Alert tone="ok" role="status">
          {t("saved")}
        </Alert>
      ) : null}
      {canUpdate ? (
        <div className="flex items-center justify-end gap-2">
          <span className="mr-auto text-[12px] text-ink-faint">{t("version", { version: saved.version })}</span>
          <Button type="submit" variant="primary" disabled={save.isPending}>
            {save.isPending ? tCommon("saving") : tCommon("save")}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
