import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RisksView } from "@/components/risks/risks-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("risks") };
}

export default async function RisksPage({ params }: { params: Promise<{ releaseId: string }> }) {
  const { releaseId } = await params;
  return <RisksView releaseId={releaseId} />;
}
