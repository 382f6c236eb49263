"use client";

import { useMemo } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useAudit } from "@/components/hooks/use-audit";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { withQuery } from "@/lib/client/api";
import type { AuditFilters as Filters } from "@/lib/client/types";
import { AuditFilters } from "./audit-filters";
import { useAuditLookup } from "./audit-lookup";
import { AuditTable } from "./audit-table";

export function AuditView({ releaseId, filters }: { releaseId: string; filters: Filters }) {
  const t = useTranslations("audit");
  const router = useRouter();
  const { data, error, refetch, fetchNextPage, hasNextPage, isFetchingNextPage } = useAudit(releaseId, filters);
  const events = useMemo(() => data?.pages.flatMap((page) => page.events) ?? [], [data]);
  const lookup = useAuditLookup(releaseId, events);

  const applyFilters = (next: Filters) =>
    router.replace(withQuery(`/releases/${releaseId}/audit`, { actorId: next.actorId, action: next.action }), {
      scroll: false,
    });

  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title={t("title")}
        description={t("subtitle")}
        actions={<AuditFilters filters={filters} events={events} onChange={applyFilters} />}
      />
      {error ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : !data ? (
        <LoadingState />
      ) : events.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <>
          <AuditTable events={events} lookup={lookup} />
          {hasNextPage ? (
            <div className="flex justify-center">
              <Button onClick={() => void fetchNextPage()} disabled={isFetchingNextPage} data-testid="audit-load-more">
                {isFetchingNextPage ? t("loadingMore") : t("loadMore")}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}
