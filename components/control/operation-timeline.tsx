"use client";

import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { isActive, useAttachEvidence, useControlOperation, useOperation, type OperationAction } from "@/components/hooks/use-operations";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { Panel } from "@/components/ui/panel";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { useDateFormat } from "@/components/ui/use-date-format";
import type { OperationDetail, OperationStep } from "@/lib/client/types";
import { operationStatusTone, stepStatusTone } from "./control-tones";
import { MissingList, missingFromError } from "./missing-list";
import { OperationLog } from "./operation-log";
import { stepLabel } from "./step-label";

interface OperationTimelineProps {
  releaseId: string;
  operationId: string;
  canControl: boolean;
  canAttachEvidence: boolean;
  className?: string;
}

export function OperationTimeline({ releaseId, operationId, canControl, canAttachEvidence, className }: OperationTimelineProps) {
  const t = useTranslations("control.timeline");
  const tOps = useTranslations("control.operations");
  const { data: operation, error, refetch } = useOperation(releaseId, operationId);

  return (
    <Panel
      title={operation ? t("titleOf", { kind: tOps(`kind.${operation.kind}`) }) : t("title")}
      id="operation-timeline"
      className={className}
      actions={operation ? <OperationBadges operation={operation} /> : null}
    >
      {error && !operation ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : !operation ? (
        <LoadingState />
      ) : (
        <div className="flex flex-col gap-4" data-testid="operation-timeline" data-status={operation.status} data-operation-id={operation.id}>
          <OperationFacts operation={operation} />
          {operation.status === "needs_attention" && operation.reason ? (
            <Alert tone="danger" testId="operation-attention">
              <strong className="font-semibold">{t("needsAttention")}</strong> {operation.reason}
            </Alert>
          ) : null}
          {isActive(operation.status) ? <OperationControls releaseId={releaseId} operation={operation} canControl={canControl} /> : null}
          {canAttachEvidence && operation.rehearsal && operation.status === "succeeded" && operation.kind !== "migration" ? (
            <EvidenceAction releaseId={releaseId} operationId={operation.id} />
          ) : null}
          <StepList steps={operation.steps} />
          <div className="flex flex-col gap-1.5">
            <h3 className="text-[12px] font-semibold text-ink-muted">{t("log")}</h3>
            <OperationLog lines={operation.logs} />
          </div>
        </div>
      )}
    </Panel>
  );
}

export function OperationBadges({ operation }: { operation: { status: OperationDetail["status"]; rehearsal: boolean } }) {
  const t = useTranslations("control.operations");
  return (
    <span className="flex gap-1">
      {operation.rehearsal ? (
        <Badge tone="accent" className="uppercase">
          {t("rehearsal")}
        </Badge>
      ) : null}
      <Badge tone={operationStatusTone[operation.status]}>{t(`status.${operation.status}`)}</Badge>
    </span>
  );
}

function OperationFacts({ operation }: { operation: OperationDetail }) {
  const t = useTranslations("control.timeline");
  const dates = useDateFormat();
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-0.5 text-[13px] sm:grid-cols-[auto_1fr_auto_1fr]">
      <dt className="text-ink-faint">{t("requestedBy")}</dt>
      <dd>{operation.requestedBy?.name ?? "—"}</dd>
      {operation.scheduledAt ? (
        <>
          <dt className="text-ink-faint">{t("scheduledAt")}</dt>
          <dd className="tabular-nums">{dates.dateTime(operation.scheduledAt)}</dd>
        </>
      ) : null}
      <dt className="text-ink-faint">{t("startedAt")}</dt>
      <dd className="tabular-nums">{operation.startedAt ? dates.dateTime(operation.startedAt) : "—"}</dd>
      <dt className="text-ink-faint">{t("finishedAt")}</dt>
      <dd className="tabular-nums">{operation.finishedAt ? dates.dateTime(operation.finishedAt) : "—"}</dd>
    </dl>
  );
}

function OperationControls({ releaseId, operation, canControl }: { releaseId: string; operation: OperationDetail; canControl: boolean }) {
  const t = useTranslations("control.timeline");
  const tCommon = useTranslations("common");
  const control = useControlOperation(releaseId);
  const [confirmAbort, setConfirmAbort] = useState(false);
  const act = (action: OperationAction) =>
    control.mutate({ operationId: operation.id, action }, { onSuccess: () => setConfirmAbort(false) });
  const disabled = !canControl || control.isPending;

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-1.5">
        {operation.status === "running" || operation.status === "pending" ? (
          <Button size="sm" disabled={disabled} onClick={() => act("pause")} data-testid="operation-pause">
            {t("pause")}
          </Button>
        ) : operation.status === "paused" || operation.status === "needs_attention" ? (
          <Button size="sm" disabled={disabled} onClick={() => act("resume")} data-testid="operation-resume">
            {t("resume")}
          </Button>
        ) : null}
        <Button size="sm" variant="danger" disabled={disabled} onClick={() => setConfirmAbort(true)} data-testid="operation-abort">
          {t("abort")}
        </Button>
        {canControl ? null : <span className="text-[12px] text-ink-faint">{t("notAllowed")}</span>}
      </div>
      {control.error && !confirmAbort ? <FormError error={control.error} /> : null}
      {confirmAbort ? (
        <Dialog
          open
          tone="danger"
          title={t("abortTitle")}
          onClose={() => setConfirmAbort(false)}
          testId="abort-dialog"
          footer={
            <>
              <Button onClick={() => setConfirmAbort(false)}>{tCommon("cancel")}</Button>
              <Button variant="danger" disabled={control.isPending} onClick={() => act("abort")} data-testid="abort-confirm">
                {control.isPending ? t("aborting") : t("abortConfirm")}
              </Button>
            </>
          }
        >
          <div className="flex flex-col gap-3 text-[13px]">
            <p>{t("abortBody")}</p>
            {control.error ? <FormError error={control.error} /> : null}
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}

// A successful rehearsal proves the checklist's "rollback tested" and
// "blue/green scripts" items; the server wants both a cutover and a rollback
// rehearsal and says which one is missing.
function EvidenceAction({ releaseId, operationId }: { releaseId: string; operationId: string }) {
  const t = useTranslations("control.timeline");
  const attach = useAttachEvidence(releaseId);
  const missing = missingFromError(attach.error);
  return (
    <div className="flex flex-col gap-2 rounded-md border border-line px-3 py-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-[12px] text-ink-muted">{t("evidenceHint")}</p>
        <Button size="sm" disabled={attach.isPending} onClick={() => attach.mutate(operationId)} data-testid="attach-evidence">
          {t("evidence")}
        </Button>
      </div>
      {attach.isSuccess ? (
        <Alert tone="ok" role="status">
          {t("evidenceAttached", { count: attach.data.items.length })}
        </Alert>
      ) : missing ? (
        <Alert tone="warn">
          <MissingList items={missing} />
        </Alert>
      ) : attach.error ? (
        <FormError error={attach.error} />
      ) : null}
    </div>
  );
}

function StepList({ steps }: { steps: OperationStep[] }) {
  const t = useTranslations("control.timeline");
  return (
    <ol aria-label={t("stepsLabel")} className="flex flex-col">
      {steps.map((step) => (
        <StepRow key={step.id} step={step} />
      ))}
    </ol>
  );
}

function StepRow({ step }: { step: OperationStep }) {
  const t = useTranslations("control.timeline");
  const format = useFormatter();
  const duration = step.startedAt ? durationSeconds(step.startedAt, step.finishedAt) : null;
  return (
    <li
      data-testid="operation-step"
      data-kind={step.kind}
      data-status={step.status}
      className="grid grid-cols-[1.5rem_minmax(0,1fr)_auto] items-start gap-x-2 border-b border-line py-1.5 last:border-b-0"
    >
      <span className="pt-0.5 text-[12px] text-ink-faint tabular-nums">{step.position + 1}</span>
      <div className="min-w-0">
        <p className="text-[13px] font-medium">{stepLabel(step, t)}</p>
        {step.error ? <p className="text-[12px] break-words text-danger">{step.error}</p> : null}
        {step.startedAt ? (
          <p className="text-[12px] text-ink-faint tabular-nums">
            {format.dateTime(new Date(step.startedAt), { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false })}
            {duration !== null ? ` · ${t("duration", { seconds: duration })}` : null}
            {step.attempts > 1 ? ` · ${t("attempts", { count: step.attempts })}` : null}
          </p>
        ) : null}
      </div>
      <Badge tone={stepStatusTone[step.status]}>{t(`stepStatus.${step.status}`)}</Badge>
    </li>
  );
}

function durationSeconds(startedAt: string, finishedAt: string | null): number | null {
  if (!finishedAt) return null;
  return Math.max(0, Math.round((new Date(finishedAt).getTime() - new Date(startedAt).getTime()) / 100) / 10);
}
