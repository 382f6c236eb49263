import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MetricsView } from "@/components/metrics/metrics-view";
import { isMetricRange } from "@/components/metrics/metric-series";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("metrics") };
}

interface MetricsPageProps {
  params: Promise<{ releaseId: string }>;
  searchParams: Promise<{ range?: string | string[] }>;
}

export default async function MetricsPage({ params, searchParams }: MetricsPageProps) {
  const [{ releaseId }, { range }] = await Promise.all([params, searchParams]);
  const candidate = Array.isArray(range) ? range[0] : range;
  return <MetricsView releaseId={releaseId} initialRange={isMetricRange(candidate) ? candidate : "1h"} />;
}
