import type { ReactNode } from "react";
import { cn } from "@/lib/client/cn";

interface PanelProps {
  title: string;
  id?: string;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  // Tables and lists that draw their own edges sit flush with the card.
  flush?: boolean;
}

// A titled card. Headings are h2: pages own the only h1.
export function Panel({ title, id, actions, children, className, flush }: PanelProps) {
  const headingId = id ? `${id}-heading` : undefined;
  return (
    <section aria-labelledby={headingId} className={cn("rounded-lg border border-line bg-surface", className)}>
      <div className="flex min-h-10 items-center justify-between gap-2 border-b border-line px-4 py-2">
        <h2 id={headingId} className="text-[13px] font-semibold text-ink">
          {title}
        </h2>
        {actions}
      </div>
      <div className={flush ? undefined : "p-4"}>{children}</div>
    </section>
  );
}
