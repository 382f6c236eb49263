import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ReleaseOverview } from "@/components/release/release-overview";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("overview") };
}

export default async function ReleaseOverviewPage({ params }: { params: Promise<{ releaseId: string }> }) {
  const { releaseId } = await params;
  return <ReleaseOverview releaseId={releaseId} />;
}
