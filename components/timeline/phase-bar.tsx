"use client";

import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { cn } from "@/lib/client/cn";
import type { Phase } from "@/components/hooks/use-phases";
import { barGeometry, pixelsToMs, snap, type ZoomScale } from "./timeline-scale";

const statusClass: Record<Phase["status"], string> = {
  pending: "bg-neutral-soft border-line-strong text-ink",
  running: "bg-info-soft border-info text-info",
  done: "bg-ok-soft border-ok text-ok",
  skipped: "bg-subtle border-line text-ink-faint line-through",
  failed: "bg-danger-soft border-danger text-danger",
};

// Arrow-key moves collect for a moment before they are saved, so holding
// the key sends one change rather than one per step.
const keyboardSettleMs = 700;

interface PhaseBarProps {
  phase: Phase;
  scale: ZoomScale;
  // The full accessible name (title, times, status); `text` is what fits on the bar.
  label: string;
  text: string;
  describedBy: string;
  editable: boolean;
  onMove: (deltaMs: number) => void;
  onOpen: () => void;
}

export function PhaseBar({ phase, scale, label, text, describedBy, editable, onMove, onOpen }: PhaseBarProps) {
  const [offset, setOffset] = useState(0);
  const drag = useRef<{ pointerId: number; startX: number; width: number; moved: boolean } | null>(null);
  const suppressClick = useRef(false);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => () => {
    if (pending.current) clearTimeout(pending.current);
  }, []);
  // A new server copy (ours or someone else's) replaces any preview.
  useEffect(() => setOffset(0), [phase.version, phase.startsAt]);

  const start = new Date(phase.startsAt).getTime() + offset;
  const end = phase.endsAt ? new Date(phase.endsAt).getTime() + offset : null;
  const geometry = barGeometry(start, end, scale);
  if (!geometry) return null;

  const commit = (delta: number) => {
    if (delta !== 0) onMove(delta);
    else setOffset(0);
  };

  const onPointerDown = (event: PointerEvent<HTMLButtonElement>) => {
    if (!editable || event.button !== 0) return;
    const track = event.currentTarget.parentElement;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { pointerId: event.pointerId, startX: event.clientX, width: track?.getBoundingClientRect().width ?? 0, moved: false };
  };
  const onPointerMove = (event: PointerEvent<HTMLButtonElement>) => {
    const state = drag.current;
    if (!state || state.pointerId !== event.pointerId) return;
    const dx = event.clientX - state.startX;
    if (Math.abs(dx) > 3) state.moved = true;
    if (state.moved) setOffset(snap(pixelsToMs(dx, state.width, scale), scale.snapMs));
  };
  const onPointerUp = (event: PointerEvent<HTMLButtonElement>) => {
    const state = drag.current;
    if (!state || state.pointerId !== event.pointerId) return;
    drag.current = null;
    if (state.moved) {
      suppressClick.current = true;
      commit(snap(pixelsToMs(event.clientX - state.startX, state.width, scale), scale.snapMs));
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (!editable) return;
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (event.key === "Escape" && pending.current) {
      clearTimeout(pending.current);
      pending.current = null;
      setOffset(0);
      return;
    }
    if (step === 0) return;
    event.preventDefault();
    const next = offset + step * scale.snapMs * (event.shiftKey ? 4 : 1);
    setOffset(next);
    if (pending.current) clearTimeout(pending.current);
    pending.current = setTimeout(() => {
      pending.current = null;
      commit(next);
    }, keyboardSettleMs);
  };

  return (
    <button
      type="button"
      data-testid={`phase-bar-${phase.key}`}
      aria-label={label}
      aria-describedby={describedBy}
      disabled={!editable}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => {
        drag.current = null;
        setOffset(0);
      }}
      onClick={() => {
        if (suppressClick.current) {
          suppressClick.current = false;
          return;
        }
        onOpen();
      }}
      onKeyDown={onKeyDown}
      style={{ left: `${geometry.leftPct}%`, width: `max(${geometry.widthPct}%, 0.5rem)` }}
      className={cn(
        "absolute top-1.5 bottom-1.5 touch-none overflow-hidden rounded border px-1.5 text-left text-[11px] font-medium whitespace-nowrap select-none",
        "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-focus disabled:cursor-default disabled:opacity-100",
        statusClass[phase.status],
        editable && "cursor-grab active:cursor-grabbing",
        offset !== 0 && "shadow-md ring-2 ring-accent",
        geometry.clippedStart && "rounded-l-none border-l-0",
        geometry.clippedEnd && "rounded-r-none border-r-0",
      )}
    >
      <span aria-hidden>{text}</span>
    </button>
  );
}
