"use client";

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { themeCookie } from "@/i18n/config";
import type { ThemePreference } from "./theme-script";

interface ThemeContextValue {
  preference: ThemePreference;
  setPreference: (preference: ThemePreference) => void;
}

const ThemeContext = createContext<ThemeContextValue | null>(null);

const oneYear = 60 * 60 * 24 * 365;

export function ThemeProvider({ initial, children }: { initial: ThemePreference; children: ReactNode }) {
  const [preference, setPreferenceState] = useState<ThemePreference>(initial);

  const setPreference = useCallback((next: ThemePreference) => {
    document.cookie =
      next === "system"
        ? `${themeCookie}=; path=/; max-age=0; samesite=lax`
        : `${themeCookie}=${next}; path=/; max-age=${oneYear}; samesite=lax`;
    const dark = next === "dark" || (next === "system" && window.matchMedia("(prefers-color-scheme: dark)").matches);
    document.documentElement.classList.toggle("dark", dark);
    setPreferenceState(next);
  }, []);

  const value = useMemo(() => ({ preference, setPreference }), [preference, setPreference]);
  return <ThemeContext.Provider value={value}>{children}</ThemeContext.Provider>;
}

export function useTheme(): ThemeContextValue {
  const value = useContext(ThemeContext);
  if (!value) throw new Error("useTheme outside ThemeProvider");
  return value;
}
