"use client";

import { useEffect, useRef } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { cn } from "@/lib/client/cn";
import type { OperationLogLine } from "@/lib/client/types";

const levelClass = { info: "text-ink-muted", warn: "text-warn", error: "text-danger" } as const;

// Follows new lines while the reader is at the bottom; scrolling up to read
// earlier lines stops the following until they scroll back down.
export function OperationLog({ lines }: { lines: OperationLogLine[] }) {
  const t = useTranslations("control.timeline");
  const format = useFormatter();
  const ref = useRef<HTMLDivElement>(null);
  const following = useRef(true);

  useEffect(() => {
    const box = ref.current;
    if (box && following.current) box.scrollTop = box.scrollHeight;
  }, [lines.length]);

  return (
    <div
      ref={ref}
      role="log"
      aria-label={t("log")}
      aria-live="polite"
      tabIndex={0}
      data-testid="operation-log"
      onScroll={(event) => {
        const box = event.currentTarget;
        following.current = box.scrollHeight - box.scrollTop - box.clientHeight < 24;
      }}
      className="max-h-72 min-h-24 overflow-y-auto rounded-md border border-line bg-subtle px-3 py-2 font-mono text-[12px] leading-relaxed"
    >
      {lines.length === 0 ? (
        <p className="text-ink-faint">{t("noLog")}</p>
      ) : (
        <ol>
          {lines.map((line) => (
            <li key={line.id} className="flex gap-2">
              <time dateTime={line.at} className="shrink-0 text-ink-faint tabular-nums">
                {format.dateTime(new Date(line.at), { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false })}
              </time>
              <span className={cn("shrink-0 uppercase", levelClass[line.level] ?? levelClass.info)}>{line.level}</span>
              <span className="min-w-0 break-words whitespace-pre-wrap text-ink">{line.message}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
