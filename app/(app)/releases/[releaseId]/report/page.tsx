import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ReportView } from "@/components/report/report-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("report") };
}

export default async function ReportPage({ params }: { params: Promise<{ releaseId: string }> }) {
  const { releaseId } = await params;
  return <ReportView releaseId={releaseId} />;
}
