"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { pickDefaultRelease, useReleases } from "@/components/hooks/use-release";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";

export function DefaultReleaseRedirect() {
  const t = useTranslations("release");
  const router = useRouter();
  const { data: releases, error, refetch } = useReleases();
  const target = releases ? pickDefaultRelease(releases) : undefined;

  useEffect(() => {
    if (target) router.replace(`/releases/${target.id}`);
  }, [target, router]);

  return (
    <>
      <h1 className="sr-only">{t("releases")}</h1>
      {error ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : releases && !target ? (
        <EmptyState>{t("noReleases")}</EmptyState>
      ) : (
        <LoadingState />
      )}
    </>
  );
}
