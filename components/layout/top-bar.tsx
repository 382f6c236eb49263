"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { NewReleaseButton } from "@/components/release/new-release-dialog";
import { MainNav } from "./main-nav";
import { LiveIndicator } from "./live-indicator";
import { PreferenceControls } from "./preference-controls";
import { ReleaseSwitcher } from "./release-switcher";
import { UserMenu } from "./user-menu";

export function TopBar({ releaseId }: { releaseId: string | null }) {
  const t = useTranslations("app");
  return (
    <header className="sticky top-0 z-30 border-b border-line bg-surface/95 backdrop-blur supports-[backdrop-filter]:bg-surface/85">
      <div className="mx-auto flex h-12 max-w-[1400px] items-center gap-2 px-4 sm:gap-3 sm:px-6">
        <Link href="/" className="flex shrink-0 items-center gap-2 rounded text-[14px] font-semibold">
          <span aria-hidden className="grid size-5 place-items-center rounded bg-accent-solid text-[11px] font-bold text-on-accent">
            L
          </span>
          <span className="sr-only sm:not-sr-only">{t("name")}</span>
        </Link>
        <span aria-hidden className="hidden text-line-strong sm:inline">
          /
        </span>
        <ReleaseSwitcher releaseId={releaseId} />
        <NewReleaseButton releaseId={releaseId} />
        <div className="ml-auto flex items-center gap-1">
          <LiveIndicator />
          <div className="hidden sm:block">
            <PreferenceControls />
          </div>
          <UserMenu />
        </div>
      </div>
      <MainNav releaseId={releaseId} />
    </header>
  );
}
