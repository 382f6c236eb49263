"use client";

import { useTranslations } from "next-intl";
import { Alert } from "./alert";
import { Button } from "./button";
import { useErrorMessage } from "./use-error-message";

export function LoadingState({ label }: { label?: string }) {
  const t = useTranslations("common");
  return (
    <div role="status" className="flex items-center gap-2 px-1 py-6 text-[13px] text-ink-faint">
      <span aria-hidden className="size-3 animate-spin rounded-full border-2 border-line-strong border-t-accent" />
      {label ?? t("loading")}
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useTranslations("common");
  const errorMessage = useErrorMessage();
  return (
    <Alert tone="danger" className="flex flex-wrap items-center justify-between gap-2">
      <span>
        {t("loadFailed")} {errorMessage(error)}
      </span>
      {onRetry ? (
        <Button size="sm" onClick={onRetry}>
          {t("retry")}
        </Button>
      ) : null}
    </Alert>
  );
}

export function EmptyState({ children }: { children: string }) {
  return <p className="px-1 py-6 text-center text-[13px] text-ink-faint">{children}</p>;
}
