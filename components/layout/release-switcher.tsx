"use client";

import { usePathname, useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { pickDefaultRelease, useReleases } from "@/components/hooks/use-release";
import { localized } from "@/lib/client/localized";

export function ReleaseSwitcher({ releaseId }: { releaseId: string | null }) {
  const t = useTranslations("shell");
  const locale = useLocale();
  const router = useRouter();
  const pathname = usePathname();
  const { data: releases } = useReleases();
  if (!releases || releases.length === 0) return null;

  // Outside a release's pages the switcher shows the release the nav links to.
  const current = releaseId ?? pickDefaultRelease(releases)?.id ?? "";
  return (
    <select
      aria-label={t("release")}
      data-testid="release-switcher"
      value={current}
      onChange={(event) => {
        // Stay on the same view (overview, checklist, audit) of the other release.
        const view = releaseId ? pathname.split("/").slice(3).join("/") : "";
        router.push(`/releases/${event.target.value}${view ? `/${view}` : ""}`);
      }}
      className="h-7 max-w-[52vw] min-w-0 truncate rounded-md border border-line bg-surface px-1.5 text-[13px] font-medium text-ink hover:border-line-strong sm:max-w-xs"
    >
      {releases.map((release) => (
        <option key={release.id} value={release.id}>
          {release.version} · {localized(release.name, locale)}
        </option>
      ))}
    </select>
  );
}
