"use client";

import { createContext, useContext, type ReactNode } from "react";
import { useFormatter } from "next-intl";
import { cn } from "@/lib/client/cn";
import { ScaleContext } from "./scale-context";
import { percentAt, ticks, type ZoomScale } from "./timeline-scale";

interface TickContextValue {
  marks: number[];
  scale: ZoomScale;
  now: number;
}

const TickContext = createContext<TickContextValue | null>(null);

// Rows of [label | track]; the track column holds bars positioned by
// percentage, so the grid stretches with the page and scrolls on a phone.
export function TimelineGrid({ scale, now, children, label }: { scale: ZoomScale; now: number; children: ReactNode; label: string }) {
  const format = useFormatter();
  const marks = ticks(scale);
  const tickLabel = (time: number) =>
    scale.tick === "hour"
      ? format.dateTime(new Date(time), { hour: "2-digit", minute: "2-digit" })
      : format.dateTime(new Date(time), { month: "short", day: "numeric", weekday: scale.tick === "day" ? "short" : undefined });
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-surface">
      <div role="table" aria-label={label} className="min-w-[720px]">
        <div role="row" className="grid grid-cols-[minmax(11rem,15rem)_1fr] border-b border-line">
          {/* The cell keeps its grid column; only its text is visually hidden. */}
          <div role="columnheader">
            <span className="sr-only">{label}</span>
          </div>
          <div role="columnheader" className="relative h-8">
            {marks.map((time) => (
              <span key={time} className="absolute top-0 bottom-0 border-l border-line pl-1 text-[11px] leading-8 whitespace-nowrap text-ink-faint" style={{ left: `${percentAt(time, scale)}%` }}>
                {tickLabel(time)}
              </span>
            ))}
          </div>
        </div>
        <TickContext.Provider value={{ marks, scale, now }}>
          <ScaleContext.Provider value={scale}>{children}</ScaleContext.Provider>
        </TickContext.Provider>
      </div>
    </div>
  );
}

export function TimelineRow({ header, children, tone, testId }: { header: ReactNode; children: ReactNode; tone?: "lane"; testId?: string }) {
  const context = useContext(TickContext);
  return (
    <div role="row" data-testid={testId} className={cn("grid grid-cols-[minmax(11rem,15rem)_1fr] border-b border-line last:border-b-0", tone === "lane" && "bg-subtle/60")}>
      <div role="rowheader" className="border-r border-line px-3 py-1.5">
        {header}
      </div>
      <div role="cell" className="relative min-h-10">
        {context?.marks.map((time) => (
          <span key={time} aria-hidden className="absolute top-0 bottom-0 border-l border-line/60" style={{ left: `${percentAt(time, context.scale)}%` }} />
        ))}
        {context && context.now >= context.scale.from && context.now <= context.scale.to ? (
          <span aria-hidden data-testid="now-line" className="absolute top-0 bottom-0 z-10 w-0.5 bg-danger" style={{ left: `${percentAt(context.now, context.scale)}%` }} />
        ) : null}
        {children}
      </div>
    </div>
  );
}
