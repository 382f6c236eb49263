"use client";

import { useMemo } from "react";
import { renderMarkdown } from "@/lib/announcements/markdown";

// The renderer shows raw HTML as text and keeps only web and mail links, so
// its output is safe to insert (lib/announcements/markdown.ts).
export function MarkdownPreview({ source, empty, id }: { source: string; empty: string; id?: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  if (!source.trim()) return <p className="text-[13px] text-ink-faint">{empty}</p>;
  return (
    <div
      id={id}
      data-testid="announcement-preview"
      className="max-w-none rounded-md border border-line bg-canvas px-3 py-2 text-[13px] leading-relaxed [&_a]:text-accent [&_a]:underline [&_h1]:text-[16px] [&_h1]:font-semibold [&_h2]:text-[15px] [&_h2]:font-semibold [&_h3]:font-semibold [&_li]:ml-5 [&_ol]:list-decimal [&_p]:my-1.5 [&_ul]:list-disc"
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
