"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { useCreateToken } from "@/components/hooks/use-tokens";
import { Button } from "@/components/ui/button";
import { Field, controlClass } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Panel } from "@/components/ui/panel";

const expiryChoices = ["30", "90", "365", "never"] as const;

export function CreateTokenForm({ onCreated }: { onCreated: (name: string, secret: string) => void }) {
  const t = useTranslations("tokens.create");
  const create = useCreateToken();
  const [name, setName] = useState("");
  const [expiry, setExpiry] = useState<(typeof expiryChoices)[number]>("90");

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = expiry === "never" ? { name: name.trim() } : { name: name.trim(), expiresInDays: Number(expiry) };
    create.mutate(input, {
      onSuccess: ({ secret }) => {
        onCreated(input.name, secret);
        setName("");
      },
    });
  }

  return (
    <Panel title={t("title")} id="create-token">
      <form onSubmit={submit} className="flex flex-col gap-3">
        {create.error ? <FormError error={create.error} /> : null}
        <div className="flex flex-wrap items-end gap-3">
          <Field label={t("name")} htmlFor="token-name" className="min-w-56 flex-1">
            <input
              id="token-name"
              required
              maxLength={100}
              placeholder={t("namePlaceholder")}
              value={name}
              onChange={(event) => setName(event.target.value)}
              className={controlClass}
            />
          </Field>
          <Field label={t("expiry")} htmlFor="token-expiry" className="w-40">
            <select
              id="token-expiry"
              value={expiry}
              onChange={(event) => setExpiry(expiryChoices.find((choice) => choice === event.target.value) ?? "90")}
              className={controlClass}
            >
              {expiryChoices.map((choice) => (
                <option key={choice} value={choice}>
                  {choice === "never" ? t("never") : t("days", { count: Number(choice) })}
                </option>
              ))}
            </select>
          </Field>
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {create.isPending ? t("submitting") : t("submit")}
          </Button>
        </div>
      </form>
    </Panel>
  );
}
