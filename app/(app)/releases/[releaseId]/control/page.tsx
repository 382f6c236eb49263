import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ControlView } from "@/components/control/control-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("control") };
}

interface ControlPageProps {
  params: Promise<{ releaseId: string }>;
  // Evidence links name one operation: /releases/{id}/control?operation={opId}.
  searchParams: Promise<{ operation?: string | string[] }>;
}

export default async function ControlPage({ params, searchParams }: ControlPageProps) {
  const [{ releaseId }, { operation }] = await Promise.all([params, searchParams]);
  const operationId = Array.isArray(operation) ? operation[0] : operation;
  return <ControlView releaseId={releaseId} initialOperationId={operationId ?? null} />;
}
