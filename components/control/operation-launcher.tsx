"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, controlClass } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import { fromDateTimeLocal } from "@/lib/client/datetime-local";
import { localized } from "@/lib/client/localized";
import { operationKinds, type Gate, type OperationKind, type OperationSummary, type ReleaseStatus } from "@/lib/client/types";
import { MissingList } from "./missing-list";
import { StartOperationDialog } from "./start-operation-dialog";

const gateFor: Record<OperationKind, string> = { cutover: "go_no_go", migration: "migration", rollback: "rollback" };
// A release already past go-live cannot be cut over again.
const finishedForCutover: readonly ReleaseStatus[] = ["live", "completed", "cancelled"];

interface OperationLauncherProps {
  releaseId: string;
  version: string;
  releaseStatus: ReleaseStatus;
  gates: Gate[] | undefined;
  active: OperationSummary | null;
  canStart: boolean;
  rehearsal: boolean;
  onStarted: (operation: OperationSummary) => void;
  proposed?: OperationKind | null;
  className?: string;
}

export function OperationLauncher({ releaseId, version, releaseStatus, gates, active, canStart, rehearsal, onStarted, proposed = null, className }: OperationLauncherProps) {
  const t = useTranslations("control.operations");
  const [scheduled, setScheduled] = useState("");
  const [starting, setStarting] = useState<OperationKind | null>(null);
  const [proposalSeen, setProposalSeen] = useState(false);
  const missingFor = useMissingPreconditions(releaseStatus, gates, active, rehearsal);
  // A proposed operation (the rollback guard's "Start rollback") opens its
  // confirmation once, when the gates are known and nothing stands in the way;
  // otherwise the launcher shows what is missing, as for any click.
  if (proposed && !proposalSeen && gates) {
    setProposalSeen(true);
    if (canStart && missingFor(proposed).length === 0) setStarting(proposed);
  }
  const scheduledAt = fromDateTimeLocal(scheduled);

  return (
    <Panel title={t("startTitle")} id="start-operation" className={className}>
      <div className="flex flex-col gap-3">
        {canStart ? null : (
          <p className="text-[12px] text-ink-faint" data-testid="start-not-allowed">
            {t("notAllowed")}
          </p>
        )}
        <ul className="flex flex-col gap-2">
          {operationKinds.map((kind) => {
            const missing = missingFor(kind);
            return (
              <li key={kind} className="flex flex-col gap-1">
                <Button
                  variant={kind === "rollback" ? "danger" : "primary"}
                  disabled={!canStart || missing.length > 0}
                  aria-describedby={missing.length > 0 ? `missing-${kind}` : undefined}
                  data-testid={`start-${kind}`}
                  onClick={() => setStarting(kind)}
                  className="w-full justify-start"
                >
                  {t(`start.${kind}`)}
                </Button>
                {missing.length > 0 ? (
                  <div id={`missing-${kind}`} className="pl-1">
                    <MissingList items={missing} testId={`missing-${kind}`} />
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
        <Field label={t("scheduleAt")} htmlFor="operation-schedule" hint={t("scheduleHint")}>
          <input
            id="operation-schedule"
            type="datetime-local"
            value={scheduled}
            disabled={!canStart}
            onChange={(event) => setScheduled(event.target.value)}
            className={controlClass}
          />
        </Field>
      </div>
      {starting ? (
        <StartOperationDialog
          releaseId={releaseId}
          version={version}
          kind={starting}
          rehearsal={rehearsal}
          scheduledAt={scheduledAt}
          onStarted={(operation) => {
            setStarting(null);
            setScheduled("");
            onStarted(operation);
          }}
          onClose={() => setStarting(null)}
        />
      ) : null}
    </Panel>
  );
}

// What the page can already tell stands in the way; the server re-checks
// everything (driver configuration too) and its refusal lists the rest.
// Rehearsals prove the procedure the gates ask for, so gates do not hold them.
function useMissingPreconditions(
  releaseStatus: ReleaseStatus,
  gates: Gate[] | undefined,
  active: OperationSummary | null,
  rehearsal: boolean,
) {
  const t = useTranslations("control.operations");
  const tKinds = useTranslations("control.operations.kind");
  const tStatus = useTranslations("control.operations.status");
  const tRelease = useTranslations("release");
  const locale = useLocale();
  return (kind: OperationKind): string[] => {
    const missing: string[] = [];
    if (active) missing.push(t("missing.active", { kind: tKinds(active.kind), status: tStatus(active.status) }));
    if (rehearsal) return missing;
    if (kind === "cutover" && finishedForCutover.includes(releaseStatus)) {
      missing.push(t("missing.releaseStatus", { status: tRelease(`status.${releaseStatus}`) }));
    }
    const gate = gates?.find((candidate) => candidate.key === gateFor[kind]);
    if (gate && !gate.state.approved) {
      missing.push(t("missing.gate", { gate: localized(gate.title, locale) }));
      const items = gate.state.blockers.find((blocker) => blocker.code === "ITEMS_NOT_DONE")?.itemKeys?.length ?? 0;
      if (items > 0 && kind === "cutover") missing.push(t("missing.items", { count: items }));
    }
    return missing;
  };
}
