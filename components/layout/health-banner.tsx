"use client";

import { useTranslations } from "next-intl";
import { useHealth } from "@/components/hooks/use-health";

export function HealthBanner() {
  const t = useTranslations("shell");
  const { data, isError } = useHealth();
  if (!isError && (!data || data.db === "ok")) return null;
  return (
    <div role="alert" data-testid="health-banner" className="border-b border-danger/40 bg-danger-soft px-4 py-2 text-center text-[13px] text-danger sm:px-6">
      <strong className="font-semibold">{t("dbUnavailable")}</strong> {t("dbUnavailableHint")}
    </div>
  );
}
