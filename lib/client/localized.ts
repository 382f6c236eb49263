import type { LocalizedText } from "./types";

export function localized(text: LocalizedText | null | undefined, locale: string): string {
  if (!text) return "";
  return (locale === "ko" ? text.ko : text.en) || text.en || text.ko;
}
