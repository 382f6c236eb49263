"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, textareaClass } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import type { GateDecisionKind } from "@/lib/client/types";

// Approve takes an optional comment, reject a required one, and an override a
// reason long enough to stand on its own in the audit trail.
const minimumComment: Record<Exclude<GateDecisionKind, "revoke">, number> = { approve: 0, reject: 1, override: 10 };

interface GateDecisionDialogProps {
  kind: Exclude<GateDecisionKind, "revoke">;
  gateTitle: string;
  pending: boolean;
  error: unknown;
  onSubmit: (comment: string) => void;
  onClose: () => void;
}

export function GateDecisionDialog({ kind, gateTitle, pending, error, onSubmit, onClose }: GateDecisionDialogProps) {
  const t = useTranslations("control.gates.dialog");
  const tCommon = useTranslations("common");
  const [comment, setComment] = useState("");
  const minimum = minimumComment[kind];
  const tooShort = comment.trim().length < minimum;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!tooShort) onSubmit(comment.trim());
  }

  return (
    <Dialog
      open
      title={t(`${kind}.title`, { gate: gateTitle })}
      tone={kind === "approve" ? "default" : "danger"}
      onClose={onClose}
      testId="gate-decision-dialog"
      footer={
        <>
          <Button onClick={onClose}>{tCommon("cancel")}</Button>
          <Button
            type="submit"
            form="gate-decision-form"
            variant={kind === "approve" ? "primary" : "danger"}
            disabled={pending || tooShort}
          >
            {pending ? tCommon("saving") : t(`${kind}.submit`)}
          </Button>
        </>
      }
    >
      <form id="gate-decision-form" onSubmit={submit} className="flex flex-col gap-3">
        <p className="text-[13px] text-ink-muted">{t(`${kind}.body`)}</p>
        {error ? <FormError error={error} /> : null}
        <Field
          label={t(`${kind}.comment`)}
          htmlFor="gate-decision-comment"
          hint={minimum > 1 ? t("minimum", { count: minimum }) : undefined}
        >
          <textarea
            id="gate-decision-comment"
            autoFocus
            required={minimum > 0}
            minLength={minimum || undefined}
            maxLength={2000}
            rows={4}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            className={textareaClass}
          />
        </Field>
      </form>
    </Dialog>
  );
}
