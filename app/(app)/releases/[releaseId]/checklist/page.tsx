import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ChecklistView } from "@/components/checklist/checklist-view";
import { checklistFilters, type ChecklistFilter } from "@/lib/client/types";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("checklist") };
}

interface ChecklistPageProps {
  params: Promise<{ releaseId: string }>;
  searchParams: Promise<{ filter?: string | string[] }>;
}

export default async function ChecklistPage({ params, searchParams }: ChecklistPageProps) {
  const [{ releaseId }, { filter }] = await Promise.all([params, searchParams]);
  return <ChecklistView releaseId={releaseId} filter={toFilter(filter)} />;
}

function toFilter(value: string | string[] | undefined): ChecklistFilter {
  const candidate = Array.isArray(value) ? value[0] : value;
  return checklistFilters.find((filter) => filter === candidate) ?? "all";
}
