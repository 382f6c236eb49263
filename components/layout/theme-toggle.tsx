"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { MonitorIcon, MoonIcon, SunIcon } from "@/components/ui/icons";
import { useTheme } from "./theme";
import type { ThemePreference } from "./theme-script";

const order: ThemePreference[] = ["system", "light", "dark"];
const icons = { system: MonitorIcon, light: SunIcon, dark: MoonIcon } as const;

export function ThemeToggle() {
  const t = useTranslations("preferences");
  const { preference, setPreference } = useTheme();
  const next = order[(order.indexOf(preference) + 1) % order.length] ?? "system";
  const Icon = icons[preference];
  return (
    <Button
      variant="ghost"
      size="icon"
      data-testid="theme-toggle"
      aria-label={t("themeToggle", { current: t(`themes.${preference}`), next: t(`themes.${next}`) })}
      title={t("themeToggle", { current: t(`themes.${preference}`), next: t(`themes.${next}`) })}
      onClick={() => setPreference(next)}
    >
      <Icon />
    </Button>
  );
}
