"use client";

import type { ReactNode } from "react";
import { useParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { GuardAlert } from "./guard-alert";
import { HealthBanner } from "./health-banner";
import { LiveProvider } from "./live-context";
import { TopBar } from "./top-bar";

export function AppShell({ children }: { children: ReactNode }) {
  const t = useTranslations("shell");
  const params = useParams<{ releaseId?: string }>();
  const releaseId = typeof params.releaseId === "string" ? params.releaseId : null;
  return (
    <LiveProvider releaseId={releaseId}>
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-surface px-3 py-2 text-[13px] focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        {t("skipToContent")}
      </a>
      <TopBar releaseId={releaseId} />
      <HealthBanner />
      {releaseId ? <GuardAlert key={releaseId} releaseId={releaseId} /> : null}
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-[1400px] px-4 py-5 outline-none sm:px-6">
        {children}
      </main>
    </LiveProvider>
  );
}
