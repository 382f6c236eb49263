"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useMe } from "@/components/hooks/use-me";
import { useUsers } from "@/components/hooks/use-users";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { CreateUserForm } from "./create-user-form";
import { UsersTable } from "./users-table";

export function UsersAdmin() {
  const t = useTranslations("admin");
  const { data: me } = useMe();
  const { data: users, error, refetch } = useUsers();
  const [creating, setCreating] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [created, setCreated] = useState<string | null>(null);

  if (me && !me.permissions.includes("user.manage")) {
    return (
      <div className="flex flex-col gap-4">
        <PageHeader title={t("title")} />
        <Alert tone="info" role="status">
          {t("adminOnly")}
        </Alert>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          creating ? null : (
            <Button variant="primary" onClick={() => setCreating(true)}>
              {t("create.open")}
            </Button>
          )
        }
      />
      {created ? (
        <Alert tone="ok" role="status">
          {t("create.done", { email: created })}
        </Alert>
      ) : null}
      {failure ? <FormError error={failure} /> : null}
      {creating ? (
        <CreateUserForm
          onCancel={() => setCreating(false)}
          onCreated={(email) => {
            setCreating(false);
            setCreated(email);
          }}
        />
      ) : null}
      {error ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : !users || !me ? (
        <LoadingState />
      ) : (
        <UsersTable
          users={users}
          meId={me.user.id}
          onResult={(result) => {
            setFailure(result);
            setCreated(null);
          }}
        />
      )}
    </div>
  );
}
