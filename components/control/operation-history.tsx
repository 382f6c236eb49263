"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { EmptyState } from "@/components/ui/states";
import { useDateFormat } from "@/components/ui/use-date-format";
import { cn } from "@/lib/client/cn";
import type { OperationSummary } from "@/lib/client/types";
import { operationStatusTone } from "./control-tones";

interface OperationHistoryProps {
  operations: OperationSummary[];
  selectedId: string | null;
  onSelect: (operationId: string) => void;
  className?: string;
}

// Newest first; choosing one shows its timeline.
export function OperationHistory({ operations, selectedId, onSelect, className }: OperationHistoryProps) {
  const t = useTranslations("control.history");
  const tOps = useTranslations("control.operations");
  const dates = useDateFormat();
  return (
    <Panel title={t("title")} id="operation-history" className={className} flush>
      {operations.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="max-h-96 overflow-y-auto">
          {operations.map((operation) => {
            const selected = operation.id === selectedId;
            const when = operation.startedAt
              ? dates.shortDateTime(operation.startedAt)
              : operation.scheduledAt
                ? t("scheduled", { time: dates.shortDateTime(operation.scheduledAt) })
                : dates.shortDateTime(operation.createdAt);
            return (
              <li key={operation.id} className="border-b border-line last:border-b-0">
                <button
                  type="button"
                  aria-pressed={selected}
                  onClick={() => onSelect(operation.id)}
                  data-testid="operation-row"
                  data-kind={operation.kind}
                  data-status={operation.status}
                  data-rehearsal={operation.rehearsal}
                  className={cn(
                    "flex w-full flex-col gap-0.5 px-4 py-2 text-left hover:bg-subtle",
                    selected && "bg-accent-soft/60 shadow-[inset_2px_0_0_var(--accent-solid)]",
                  )}
                >
                  <span className="flex flex-wrap items-center gap-1.5">
                    <span className="text-[13px] font-medium">{tOps(`kind.${operation.kind}`)}</span>
                    {operation.rehearsal ? (
                      <Badge tone="accent" className="uppercase">
                        {tOps("rehearsal")}
                      </Badge>
                    ) : null}
                    <Badge tone={operationStatusTone[operation.status]} className="ml-auto">
                      {tOps(`status.${operation.status}`)}
                    </Badge>
                  </span>
                  <span className="text-[12px] text-ink-muted tabular-nums">
                    {operation.requestedBy?.name ?? "—"} · {when}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </Panel>
  );
}
