import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ResourcesView } from "@/components/resources/resources-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("resources") };
}

export default async function ResourcesPage({ params }: { params: Promise<{ releaseId: string }> }) {
  const { releaseId } = await params;
  return <ResourcesView releaseId={releaseId} />;
}
