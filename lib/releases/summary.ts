import type { Progress, ReleaseSummary } from "./releases.validation";

export const summarySelect = {
  id: true,
  version: true,
  nameKo: true,
  nameEn: true,
  status: true,
  timezone: true,
  windowStart: true,
  windowEnd: true,
  isDemo: true,
} as const;

interface SummaryRow {
  id: string;
  version: string;
  nameKo: string;
  nameEn: string;
  status: ReleaseSummary["status"];
  timezone: string;
  windowStart: Date;
  windowEnd: Date;
  isDemo: boolean;
}

export function toReleaseSummary(row: SummaryRow, progress: Progress | undefined): ReleaseSummary {
  return {
    id: row.id,
    version: row.version,
    name: { ko: row.nameKo, en: row.nameEn },
    status: row.status,
    timezone: row.timezone,
    windowStart: row.windowStart.toISOString(),
    windowEnd: row.windowEnd.toISOString(),
    isDemo: row.isDemo,
    progress: progress ?? { done: 0, applicable: 0, total: 0 },
  };
}

// Pairs the ko and en lists position by position; a missing translation
// falls back to the other language rather than dropping the entry.
export function zipLocalized(ko: string[], en: string[]): { ko: string; en: string }[] {
  return Array.from({ length: Math.max(ko.length, en.length) }, (_, index) => ({
    ko: ko[index] ?? en[index] ?? "",
    en: en[index] ?? ko[index] ?? "",
  }));
}
