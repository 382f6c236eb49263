import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TimelineView } from "@/components/timeline/timeline-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("timeline") };
}

export default async function TimelinePage({ params }: { params: Promise<{ releaseId: string }> }) {
  const { releaseId } = await params;
  return <TimelineView releaseId={releaseId} />;
}
