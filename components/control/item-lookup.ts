import type { Checklist, LocalizedText } from "@/lib/client/types";

// Checklist titles by item key, for naming what blocks a gate.
export type ItemLookup = Map<string, LocalizedText>;

export function itemLookup(checklist: Checklist | undefined): ItemLookup {
  return new Map(checklist?.sections.flatMap((section) => section.items.map((item) => [item.key, item.title] as const)) ?? []);
}
