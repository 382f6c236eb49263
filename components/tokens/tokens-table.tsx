"use client";

import { useState } from "react";
import { useNow, useTranslations } from "next-intl";
import { useRevokeToken } from "@/components/hooks/use-tokens";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { Table, Td, Th } from "@/components/ui/table";
import { useDateFormat } from "@/components/ui/use-date-format";
import type { ApiToken } from "@/lib/client/types";

export function TokensTable({ tokens }: { tokens: ApiToken[] }) {
  const t = useTranslations("tokens");
  const revoke = useRevokeToken();
  return (
    <div className="flex flex-col gap-3">
      {revoke.error ? <FormError error={revoke.error} /> : null}
      <div className="rounded-lg border border-line bg-surface">
        <Table label={t("listLabel")}>
          <thead>
            <tr>
              <Th>{t("columns.name")}</Th>
              <Th>{t("columns.prefix")}</Th>
              <Th>{t("columns.created")}</Th>
              <Th>{t("columns.lastUsed")}</Th>
              <Th>{t("columns.expires")}</Th>
              <Th>{t("columns.status")}</Th>
              <Th>
                <span className="sr-only">{t("columns.actions")}</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <TokenRow key={token.id} token={token} revoking={revoke.isPending} onRevoke={() => revoke.mutate(token.id)} />
            ))}
          </tbody>
        </Table>
      </div>
    </div>
  );
}

function TokenRow({ token, revoking, onRevoke }: { token: ApiToken; revoking: boolean; onRevoke: () => void }) {
  const t = useTranslations("tokens");
  const dates = useDateFormat();
  const now = useNow();
  const [confirming, setConfirming] = useState(false);
  const state = token.revokedAt ? "revoked" : token.expiresAt && new Date(token.expiresAt) < now ? "expired" : "active";

  return (
    <tr data-testid={`token-${token.name}`}>
      <Td className="font-medium">{token.name}</Td>
      <Td className="font-mono text-[12px] text-ink-muted">{token.prefix ? `${token.prefix}…` : "—"}</Td>
      <Td className="whitespace-nowrap tabular-nums">{dates.date(token.createdAt)}</Td>
      <Td className="whitespace-nowrap text-ink-muted tabular-nums">
        {token.lastUsedAt ? dates.dateTime(token.lastUsedAt) : t("never")}
      </Td>
      <Td className="whitespace-nowrap tabular-nums">{token.expiresAt ? dates.date(token.expiresAt) : t("noExpiry")}</Td>
      <Td>
        <Badge tone={state === "active" ? "ok" : "muted"}>{t(`states.${state}`)}</Badge>
      </Td>
      <Td className="text-right whitespace-nowrap">
        {state !== "active" ? null : confirming ? (
          <span className="inline-flex gap-1.5">
            <Button size="sm" variant="danger" disabled={revoking} onClick={onRevoke}>
              {t("confirmRevoke")}
            </Button>
            <Button size="sm" onClick={() => setConfirming(false)}>
              {t("cancel")}
            </Button>
          </span>
        ) : (
          <Button size="sm" variant="danger" onClick={() => setConfirming(true)} aria-label={t("revokeToken", { name: token.name })}>
            {t("revoke")}
          </Button>
        )}
      </Td>
    </tr>
  );
}
