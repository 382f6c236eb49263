import { themeCookie } from "@/i18n/config";

export type ThemePreference = "system" | "light" | "dark";

export function isThemePreference(value: unknown): value is ThemePreference {
  return value === "system" || value === "light" || value === "dark";
}

// Runs in <head> before the first paint, so a dark system never flashes white.
// It also follows system changes while no explicit theme is chosen.
export const themeScript = `(function(){try{var q=window.matchMedia("(prefers-color-scheme: dark)");function apply(){var m=document.cookie.match(/(?:^|; )${themeCookie}=(light|dark)/);var dark=m?m[1]==="dark":q.matches;document.documentElement.classList.toggle("dark",dark);}apply();q.addEventListener("change",apply);}catch(e){}})();`;
