import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ControlView } from "@/components/control/control-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("control") };
}

interface ControlPageProps {
  params: Promise<{ releaseId: string }>;
  // Evidence links name one operation: /releases/{id}/control?operation={opId};
  // the rollback guard's alert proposes the rollback: ?start=rollback.
  searchParams: Promise<{ operation?: string | string[]; start?: string | string[] }>;
}

export default async function ControlPage({ params, searchParams }: ControlPageProps) {
  const [{ releaseId }, { operation, start }] = await Promise.all([params, searchParams]);
  const operationId = Array.isArray(operation) ? operation[0] : operation;
  const proposed = (Array.isArray(start) ? start[0] : start) === "rollback" ? "rollback" : null;
  return <ControlView releaseId={releaseId} initialOperationId={operationId ?? null} proposedOperation={proposed} />;
}
