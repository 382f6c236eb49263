"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { useCreateUser } from "@/components/hooks/use-users";
import { Button } from "@/components/ui/button";
import { Field, controlClass } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Panel } from "@/components/ui/panel";
import { roles, type Role } from "@/lib/client/types";

const minPasswordLength = 12;

export function CreateUserForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (email: string) => void }) {
  const t = useTranslations("admin.create");
  const tRoles = useTranslations("roles");
  const create = useCreateUser();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("ENGINEER");
  const [password, setPassword] = useState("");

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ email: email.trim(), name: name.trim(), role, password }, { onSuccess: () => onCreated(email.trim()) });
  }

  return (
    <Panel title={t("title")} id="create-user">
      <form onSubmit={submit} className="flex flex-col gap-4">
        {create.error ? <FormError error={create.error} /> : null}
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label={t("email")} htmlFor="new-user-email">
            <input
              id="new-user-email"
              type="email"
              required
              autoComplete="off"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              className={controlClass}
            />
          </Field>
          <Field label={t("name")} htmlFor="new-user-name">
            <input
              id="new-user-name"
              required
              autoComplete="off"
              value={name}
              onChange={(event) => setName(event.target.value)}
              className={controlClass}
            />
          </Field>
          <Field label={t("role")} htmlFor="new-user-role">
            <select
              id="new-user-role"
              value={role}
              onChange={(event) => setRole(roles.find((candidate) => candidate === event.target.value) ?? "VIEWER")}
              className={controlClass}
            >
              {roles.map((option) => (
                <option key={option} value={option}>
                  {tRoles(option)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t("password")} htmlFor="new-user-password" hint={t("passwordHint", { min: minPasswordLength })}>
            <input
              id="new-user-password"
              type="password"
              required
              minLength={minPasswordLength}
              autoComplete="new-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              className={controlClass}
            />
          </Field>
        </div>
        <div className="flex justify-end gap-2">
          <Button onClick={onCancel}>{t("cancel")}</Button>
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {create.isPending ? t("submitting") : t("submit")}
          </Button>
        </div>
      </form>
    </Panel>
  );
}
