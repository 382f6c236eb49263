"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useTokens } from "@/components/hooks/use-tokens";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { CreateTokenForm } from "./create-token-form";
import { TokenSecret } from "./token-secret";
import { TokensTable } from "./tokens-table";

export function TokensView() {
  const t = useTranslations("tokens");
  const { data: tokens, error, refetch } = useTokens();
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null);

  return (
    <div className="flex max-w-5xl flex-col gap-4">
      <PageHeader title={t("title")} description={t("description")} />
      {secret ? (
        <TokenSecret name={secret.name} secret={secret.value} onDone={() => setSecret(null)} />
      ) : (
        <CreateTokenForm onCreated={(name, value) => setSecret({ name, value })} />
      )}
      {error ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : !tokens ? (
        <LoadingState />
      ) : tokens.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <TokensTable tokens={tokens} />
      )}
    </div>
  );
}
