"use client";

import { useState } from "react";
import Link from "next/link";
import { useFormatter, useLocale, useNow, useTranslations } from "next-intl";
import { useDecideGate, useRequestGate } from "@/components/hooks/use-gates";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { ProgressBar } from "@/components/ui/progress-bar";
import { useDateFormat } from "@/components/ui/use-date-format";
import { isApiError } from "@/lib/client/api";
import { cn } from "@/lib/client/cn";
import { localized } from "@/lib/client/localized";
import type { Gate, GateDecisionKind, GateDecision, Me } from "@/lib/client/types";
import { gateStatusTone } from "./control-tones";
import { GateDecisionDialog } from "./gate-decision-dialog";
import type { ItemLookup } from "./item-lookup";

interface GateCardProps {
  gate: Gate;
  me: Me;
  releaseId: string;
  items: ItemLookup;
}

type DialogKind = Exclude<GateDecisionKind, "revoke">;

export function GateCard({ gate, me, releaseId, items }: GateCardProps) {
  const t = useTranslations("control.gates");
  const tRoles = useTranslations("roles");
  const locale = useLocale();
  const dates = useDateFormat();
  const decide = useDecideGate(releaseId);
  const request = useRequestGate(releaseId);
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const title = localized(gate.title, locale);

  const myVote = standingVote(gate.decisions, me.user.id);
  const myOverride = gate.decisions.some((d) => d.kind === "override" && d.user.id === me.user.id && d.revokedAt === null);
  const approveBlock = decisionBlock(gate, me, "approve");
  const rejectBlock = decisionBlock(gate, me, "reject");
  const canDecide = me.permissions.includes("gate.decide");
  const canOverride = me.permissions.includes("gate.override");
  const busy = decide.isPending || request.isPending;
  const failure = dialog ? null : (decide.error ?? request.error);
  const freshRequest = !gate.requestedAt || gate.status === "rejected";

  const submit = (kind: GateDecisionKind, comment?: string) =>
    decide.mutate({ gate, kind, comment }, { onSuccess: () => setDialog(null) });

  return (
    <article
      data-testid={`gate-${gate.key}`}
      data-status={gate.status}
      data-approvals={gate.state.approvals}
      aria-labelledby={`gate-${gate.id}-title`}
      className={cn(
        "flex flex-col gap-3 rounded-lg border bg-surface p-4",
        gate.state.overridden ? "border-warn/60" : "border-line",
      )}
    >
      <header className="flex flex-wrap items-start justify-between gap-2">
        <h3 id={`gate-${gate.id}-title`} className="min-w-0 text-[13px] font-semibold">
          {title}
        </h3>
        <div className="flex gap-1">
          {gate.state.overridden ? <Badge tone="warn">{t("overridden")}</Badge> : null}
          <Badge tone={gateStatusTone[gate.status]}>{t(`status.${gate.status}`)}</Badge>
        </div>
      </header>

      <div className="flex flex-col gap-1.5">
        <div className="flex items-baseline justify-between gap-2 text-[13px]">
          <span className="font-medium tabular-nums" data-testid={`gate-${gate.key}-count`}>
            {t("approvals", { approvals: gate.state.approvals, needed: gate.state.needed })}
          </span>
          <span className="text-[12px] text-ink-faint">
            {gate.approvalTtlSec ? t("expiresAfter", { hours: Math.round(gate.approvalTtlSec / 360) / 10 }) : t("noExpiry")}
          </span>
        </div>
        <ProgressBar value={Math.min(gate.state.approvals, gate.state.needed)} max={gate.state.needed} label={t("approvalsLabel", { gate: title })} />
        <p className="text-[12px] text-ink-muted">
          {t("whoCounts", { roles: gate.requiredRoles.map((role) => tRoles(role)).join(", ") })}
          {gate.allowSelfApproval ? null : ` · ${t("noSelfApproval")}`}
        </p>
        {gate.requestedBy && gate.requestedAt ? (
          <p className="text-[12px] text-ink-muted">
            {t("requestedBy", { name: gate.requestedBy.name, time: dates.shortDateTime(gate.requestedAt) })}
          </p>
        ) : null}
      </div>

      <Blockers gate={gate} releaseId={releaseId} items={items} />
      <Decisions decisions={gate.decisions} />

      {failure ? <DecisionFailure error={failure} /> : null}

      <div className="flex flex-wrap items-center gap-1.5 border-t border-line pt-3">
        {gate.state.approved ? null : (
          <Button size="sm" disabled={busy || !canDecide} onClick={() => request.mutate(gate)} data-testid={`gate-${gate.key}-request`}>
            {freshRequest ? t("actions.request") : t("actions.remind")}
          </Button>
        )}
        <Button
          size="sm"
          variant="primary"
          disabled={busy || approveBlock !== null || myVote?.kind === "approve"}
          onClick={() => setDialog("approve")}
          data-testid={`gate-${gate.key}-approve`}
        >
          {t("actions.approve")}
        </Button>
        <Button
          size="sm"
          variant="danger"
          disabled={busy || rejectBlock !== null || myVote?.kind === "reject"}
          onClick={() => setDialog("reject")}
          data-testid={`gate-${gate.key}-reject`}
        >
          {t("actions.reject")}
        </Button>
        {myVote?.kind === "approve" || myOverride ? (
          <Button size="sm" variant="ghost" disabled={busy} onClick={() => submit("revoke")} data-testid={`gate-${gate.key}-revoke`}>
            {t("actions.revoke")}
          </Button>
        ) : null}
        {canOverride && !gate.state.approved ? (
          <Button
            size="sm"
            variant="danger"
            disabled={busy}
            onClick={() => setDialog("override")}
            data-testid={`gate-${gate.key}-override`}
            className="ml-auto border-dashed border-danger/60"
          >
            {t("actions.override")}
          </Button>
        ) : null}
      </div>
      {approveBlock && !gate.state.approved ? (
        <p className="text-[12px] text-ink-faint" data-testid={`gate-${gate.key}-why-disabled`}>
          {approveBlock === "role"
            ? t("disabled.role", { role: tRoles(me.user.role) })
            : t(`disabled.${approveBlock}`)}
        </p>
      ) : null}

      {dialog ? (
        <GateDecisionDialog
          kind={dialog}
          gateTitle={title}
          pending={decide.isPending}
          error={decide.error}
          onSubmit={(comment) => submit(dialog, comment)}
          onClose={() => {
            setDialog(null);
            decide.reset();
          }}
        />
      ) : null}
    </article>
  );
}

function Blockers({ gate, releaseId, items }: { gate: Gate; releaseId: string; items: ItemLookup }) {
  const t = useTranslations("control.gates");
  const locale = useLocale();
  if (gate.state.approved || gate.state.blockers.length === 0) return null;
  return (
    <div className="rounded-md bg-subtle px-3 py-2 text-[12px]">
      <p className="mb-1 font-medium text-ink-muted">{t("blockedBy")}</p>
      <ul className="flex flex-col gap-1">
        {gate.state.blockers.map((blocker) => (
          <li key={blocker.code} data-testid={`gate-${gate.key}-blocker-${blocker.code}`}>
            {blocker.code === "APPROVALS_MISSING" ? (
              t("blockers.approvals", { missing: Math.max(gate.state.needed - gate.state.approvals, 0) })
            ) : blocker.code === "ITEMS_NOT_DONE" && blocker.itemKeys ? (
              <>
                <span>{t("blockers.items", { count: blocker.itemKeys.length })}</span>{" "}
                <Link href={`/releases/${releaseId}/checklist`} className="text-accent underline underline-offset-2">
                  {t("openChecklist")}
                </Link>
                <ul className="mt-0.5 list-disc pl-4 text-ink-muted">
                  {blocker.itemKeys.slice(0, 4).map((key) => (
                    <li key={key} className="truncate">
                      {items.get(key) ? localized(items.get(key), locale) : key}
                    </li>
                  ))}
                  {blocker.itemKeys.length > 4 ? <li className="list-none">{t("andMore", { count: blocker.itemKeys.length - 4 })}</li> : null}
                </ul>
              </>
            ) : (
              blocker.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Decisions({ decisions }: { decisions: GateDecision[] }) {
  const t = useTranslations("control.gates");
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
  const dates = useDateFormat();
  if (decisions.length === 0) return <p className="text-[12px] text-ink-faint">{t("noDecisions")}</p>;
  return (
    <ul aria-label={t("decisions")} className="flex flex-col gap-1.5">
      {decisions.map((decision) => (
        <li
          key={decision.id}
          data-testid="gate-decision"
          data-kind={decision.kind}
          data-standing={!decision.revokedAt && !decision.expired}
          className="text-[12px]"
        >
          <div className="flex flex-wrap items-center gap-x-1.5 gap-y-0.5">
            <Badge tone={decisionTone[decision.kind]}>{t(`kind.${decision.kind}`)}</Badge>
            <span className="font-medium text-ink">{decision.user.name}</span>
            <time dateTime={decision.at} className="text-ink-faint tabular-nums">
              {dates.shortDateTime(decision.at)}
            </time>
            {decision.revokedAt ? (
              <span className="text-ink-muted">· {t("revoked")}</span>
            ) : decision.expired ? (
              <span className="text-ink-muted">· {t("expired")}</span>
            ) : decision.expiresAt ? (
              <span className="text-ink-faint">
                · {t("expires", { when: format.relativeTime(new Date(decision.expiresAt), now) })}
              </span>
            ) : null}
          </div>
          {decision.comment ? <p className="mt-0.5 pl-1 break-words text-ink-muted">“{decision.comment}”</p> : null}
        </li>
      ))}
    </ul>
  );
}

// A 409 means the gate moved under us: the refetch shows where it is now, and
// the notice says so instead of a bare error.
function DecisionFailure({ error }: { error: unknown }) {
  const t = useTranslations("control.gates");
  if (isApiError(error) && error.status === 409) {
    return (
      <Alert tone="warn" testId="gate-conflict">
        {t("conflict")} {error.code === "VERSION_CONFLICT" ? null : error.message}
      </Alert>
    );
  }
  return <FormError error={error} />;
}

const decisionTone = { approve: "ok", reject: "danger", revoke: "muted", override: "warn" } as const;

// A person's vote is their latest approve, reject or revoke (overrides stand
// apart); a revoke or a revoked approval leaves no vote.
function standingVote(decisions: GateDecision[], userId: string): GateDecision | null {
  const latest = decisions.filter((decision) => decision.user.id === userId && decision.kind !== "override").at(-1);
  return latest && latest.kind !== "revoke" && latest.revokedAt === null ? latest : null;
}

type BlockReason = "permission" | "role" | "notRequested" | "self";

// Why this person cannot approve or reject now, as the server would answer.
function decisionBlock(gate: Gate, me: Me, kind: "approve" | "reject"): BlockReason | null {
  if (!me.permissions.includes("gate.decide")) return "permission";
  if (!gate.requiredRoles.includes(me.user.role)) return "role";
  if (!gate.requestedAt) return "notRequested";
  if (kind === "approve" && !gate.allowSelfApproval && gate.requestedBy?.id === me.user.id) return "self";
  return null;
}
