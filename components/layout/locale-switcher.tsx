"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { localeCookie, locales, isLocale } from "@/i18n/config";
import { cn } from "@/lib/client/cn";

const oneYear = 60 * 60 * 24 * 365;

export function LocaleSwitcher() {
  const t = useTranslations("preferences");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  return (
    <select
      aria-label={t("language")}
      data-testid="locale-switcher"
      value={locale}
      disabled={pending}
      onChange={(event) => {
        const next = event.target.value;
        if (!isLocale(next)) return;
        document.cookie = `${localeCookie}=${next}; path=/; max-age=${oneYear}; samesite=lax`;
        startTransition(() => router.refresh());
      }}
      className={cn(
        "h-7 rounded-md border border-transparent bg-transparent px-1.5 text-[13px] text-ink-muted",
        "hover:bg-subtle hover:text-ink",
      )}
    >
      {locales.map((option) => (
        <option key={option} value={option}>
          {t(`languages.${option}`)}
        </option>
      ))}
    </select>
  );
}
