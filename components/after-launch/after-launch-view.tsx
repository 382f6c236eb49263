"use client";

import { useTranslations } from "next-intl";
import { PageHeader } from "@/components/ui/page-header";
import { FeedbackPanel } from "./feedback-panel";
import { StabilisationBoard } from "./stabilisation-board";

export function AfterLaunchView({ releaseId }: { releaseId: string }) {
  const t = useTranslations("afterLaunch");
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={t("title")} description={t("description")} />
      <StabilisationBoard releaseId={releaseId} />
      <FeedbackPanel releaseId={releaseId} />
    </div>
  );
}
