import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CalendarView } from "@/components/calendar/calendar-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("calendar") };
}

export default async function CalendarPage({ params }: { params: Promise<{ releaseId: string }> }) {
  const { releaseId } = await params;
  return <CalendarView releaseId={releaseId} />;
}
