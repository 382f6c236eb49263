"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { useStartOperation } from "@/components/hooks/use-operations";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, controlClass } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { useDateFormat } from "@/components/ui/use-date-format";
import type { OperationKind, OperationSummary } from "@/lib/client/types";
import { MissingList, missingFromError } from "./missing-list";

interface StartOperationDialogProps {
  releaseId: string;
  version: string;
  kind: OperationKind;
  rehearsal: boolean;
  scheduledAt: string | null;
  onStarted: (operation: OperationSummary) => void;
  onClose: () => void;
}

// Cutover and rollback move production traffic: the version must be typed,
// not clicked through. One idempotency key per opened dialog, so a double
// click or a retry after a lost answer starts one operation, not two.
export function StartOperationDialog({ releaseId, version, kind, rehearsal, scheduledAt, onStarted, onClose }: StartOperationDialogProps) {
  const t = useTranslations("control.operations");
  const tCommon = useTranslations("common");
  const dates = useDateFormat();
  const start = useStartOperation(releaseId);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [typed, setTyped] = useState("");
  const needsTyping = kind !== "migration";
  const confirmed = !needsTyping || typed.trim() === version;
  const missing = missingFromError(start.error);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!confirmed || start.isPending) return;
    start.mutate(
      {
        kind,
        idempotencyKey,
        rehearsal,
        ...(scheduledAt ? { scheduledAt } : {}),
        ...(needsTyping ? { confirmVersion: typed.trim() } : {}),
      },
      { onSuccess: ({ operation }) => onStarted(operation) },
    );
  }

  return (
    <Dialog
      open
      title={t(`confirm.title.${kind}`)}
      tone={kind === "migration" ? "default" : "danger"}
      onClose={onClose}
      testId="start-operation-dialog"
      footer={
        <>
          <Button onClick={onClose}>{tCommon("cancel")}</Button>
          <Button type="submit" form="start-operation-form" variant={kind === "rollback" ? "danger" : "primary"} disabled={!confirmed || start.isPending}>
            {start.isPending ? t("starting") : scheduledAt ? t("confirm.schedule") : t(`confirm.submit.${kind}`)}
          </Button>
        </>
      }
    >
      <form id="start-operation-form" onSubmit={submit} className="flex flex-col gap-3 text-[13px]">
        <p className="text-ink-muted">{t(`confirm.body.${kind}`)}</p>
        <div className="flex flex-wrap gap-1.5">
          {rehearsal ? <Badge tone="accent">{t("rehearsal")}</Badge> : <Badge tone="danger">{t("production")}</Badge>}
          <Badge>{scheduledAt ? t("scheduledFor", { time: dates.dateTime(scheduledAt) }) : t("startsNow")}</Badge>
        </div>
        {missing ? (
          <Alert tone="danger" testId="start-missing">
            <p className="mb-1 font-medium">{t("refused")}</p>
            <MissingList items={missing} />
          </Alert>
        ) : start.error ? (
          <FormError error={start.error} />
        ) : null}
        {needsTyping ? (
          <Field label={t("confirm.typeVersion", { version })} htmlFor="confirm-version">
            <input
              id="confirm-version"
              autoFocus
              autoComplete="off"
              spellCheck={false}
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              className={`${controlClass} font-mono`}
            />
          </Field>
        ) : null}
      </form>
    </Dialog>
  );
}
