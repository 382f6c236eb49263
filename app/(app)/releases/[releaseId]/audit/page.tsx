import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuditView } from "@/components/audit/audit-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("audit") };
}

interface AuditPageProps {
  params: Promise<{ releaseId: string }>;
  searchParams: Promise<{ actorId?: string | string[]; action?: string | string[] }>;
}

export default async function AuditPage({ params, searchParams }: AuditPageProps) {
  const [{ releaseId }, query] = await Promise.all([params, searchParams]);
  return <AuditView releaseId={releaseId} filters={{ actorId: single(query.actorId), action: single(query.action) }} />;
}

function single(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}
