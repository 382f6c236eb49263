"use client";

import { useTranslations } from "next-intl";
import { PageHeader } from "@/components/ui/page-header";
import { OnCallPanel } from "./oncall-panel";
import { TeamsPanel } from "./teams-panel";

export function ResourcesView({ releaseId }: { releaseId: string }) {
  const t = useTranslations("resources");
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={t("title")} description={t("description")} />
      <TeamsPanel releaseId={releaseId} />
      <OnCallPanel releaseId={releaseId} />
    </div>
  );
}
