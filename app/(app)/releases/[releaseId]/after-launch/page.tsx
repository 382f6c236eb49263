import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AfterLaunchView } from "@/components/after-launch/after-launch-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("afterLaunch") };
}

export default async function AfterLaunchPage({ params }: { params: Promise<{ releaseId: string }> }) {
  const { releaseId } = await params;
  return <AfterLaunchView releaseId={releaseId} />;
}
