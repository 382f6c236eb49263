"use client";

import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { useChecklist } from "@/components/hooks/use-checklist";
import { useGates } from "@/components/hooks/use-gates";
import { useMe } from "@/components/hooks/use-me";
import { isActive, isMoving, useOperations } from "@/components/hooks/use-operations";
import { useRelease } from "@/components/hooks/use-release";
import { useTraffic } from "@/components/hooks/use-traffic";
import { Alert } from "@/components/ui/alert";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { DriverSettingsPanel } from "./driver-settings-panel";
import { FaultPanel } from "./fault-panel";
import { GateCard } from "./gate-card";
import { itemLookup } from "./item-lookup";
import { OperationHistory } from "./operation-history";
import { OperationLauncher } from "./operation-launcher";
import { OperationTimeline } from "./operation-timeline";
import { ReleaseState } from "./release-state";
import { RollbackReportPanel } from "./rollback-report-panel";
import type { DriverPurpose, OperationKind, Permission } from "@/lib/client/types";
import { TrafficPanel } from "./traffic-panel";

interface ControlViewProps {
  releaseId: string;
  initialOperationId: string | null;
  // An operation to open the confirmation of, once its preconditions allow.
  proposedOperation: OperationKind | null;
}

export function ControlView({ releaseId, initialOperationId, proposedOperation }: ControlViewProps) {
  const t = useTranslations("control");
  const { data: me } = useMe();
  const { data: release, error: releaseError, refetch: refetchRelease } = useRelease(releaseId);
  const { data: gates, error: gatesError, refetch: refetchGates } = useGates(releaseId);
  const { data: operations } = useOperations(releaseId);
  const { data: checklist } = useChecklist(releaseId, "all");
  const [rehearsal, setRehearsal] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(initialOperationId);

  // Production and rehearsals run side by side; the header and the split
  // follow the mode chosen, so a rehearsal never reads as production.
  const purpose: DriverPurpose = rehearsal ? "rehearsal" : "production";
  const active = operations?.find((operation) => isActive(operation.status) && operation.rehearsal === rehearsal) ?? null;
  const traffic = useTraffic(releaseId, purpose, active !== null && isMoving(active.status));
  const items = useMemo(() => itemLookup(checklist), [checklist]);
  const shownId = selectedId ?? active?.id ?? operations?.[0]?.id ?? null;

  if (releaseError) return <ErrorState error={releaseError} onRetry={() => void refetchRelease()} />;
  if (!release || !me) return <LoadingState />;
  const can = (permission: Permission) => me.permissions.includes(permission);

  return (
    <div className="flex flex-col gap-4">
      <ReleaseState
        release={release}
        active={active}
        driver={traffic.data?.driver ?? null}
        rehearsal={rehearsal}
        onRehearsalChange={setRehearsal}
      />
      {rehearsal ? (
        <Alert tone="info" role="status" testId="rehearsal-note">
          {t("rehearsalNote")}
        </Alert>
      ) : null}

      <div className="grid items-start gap-4 lg:grid-cols-3">
        <div className="flex min-w-0 flex-col gap-4 lg:col-span-2">
          <TrafficPanel rehearsal={rehearsal} traffic={traffic.data} error={traffic.error} onRetry={() => void traffic.refetch()} />
          {shownId ? (
            <OperationTimeline
              releaseId={releaseId}
              operationId={shownId}
              canControl={can("operation.control")}
              canAttachEvidence={can("checklist.update")}
            />
          ) : null}
        </div>
        <div className="flex min-w-0 flex-col gap-4">
          <OperationLauncher
            proposed={proposedOperation}
            releaseId={releaseId}
            version={release.version}
            releaseStatus={release.status}
            gates={gates}
            active={active}
            canStart={can("operation.start")}
            rehearsal={rehearsal}
            onStarted={(operation) => setSelectedId(operation.id)}
          />
          <OperationHistory operations={operations ?? []} selectedId={shownId} onSelect={setSelectedId} />
        </div>
      </div>

      <section aria-labelledby="gates-heading" className="flex flex-col gap-2">
        <h2 id="gates-heading" className="text-[13px] font-semibold">
          {t("gates.title")}
        </h2>
        {gatesError ? (
          <ErrorState error={gatesError} onRetry={() => void refetchGates()} />
        ) : !gates ? (
          <LoadingState />
        ) : (
          <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
            {gates.map((gate) => (
              <GateCard key={gate.id} gate={gate} me={me} releaseId={releaseId} items={items} />
            ))}
          </div>
        )}
      </section>

      <RollbackReportPanel releaseId={releaseId} canWrite={can("operation.control")} />

      <div className="grid gap-4 lg:grid-cols-3">
        {traffic.data?.driver === "simulated" ? (
          <FaultPanel releaseId={releaseId} canInject={can("simulation.fault")} />
        ) : null}
        <DriverSettingsPanel
          releaseId={releaseId}
          canRead={can("settings.read")}
          canUpdate={can("settings.update")}
          className="lg:col-span-2"
        />
      </div>
    </div>
  );
}
