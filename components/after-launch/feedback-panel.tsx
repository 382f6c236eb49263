"use client";

import { useId, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { conflictCurrent } from "@/components/hooks/plan-queries";
import { useFeedback, useSaveFeedback, type Feedback } from "@/components/hooks/use-feedback";
import { usePermission } from "@/components/hooks/use-me";
import { Alert } from "@/components/ui/alert";
import { Badge, type Tone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { controlClass, Field, textareaClass } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Panel } from "@/components/ui/panel";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import { useDateFormat } from "@/components/ui/use-date-format";
import { cn } from "@/lib/client/cn";
import { feedbackCategories, feedbackKinds, feedbackStatuses } from "@/lib/feedback/feedback.validation";

type Filter = "all" | Feedback["status"];
const filters: readonly Filter[] = ["all", ...feedbackStatuses];
const severities = [1, 2, 3, 4] as const;
const severityTone: Record<number, Tone> = { 1: "danger", 2: "warn", 3: "neutral", 4: "muted" };
const statusTone: Record<Feedback["status"], Tone> = { open: "warn", triaged: "info", resolved: "ok" };

export function FeedbackPanel({ releaseId }: { releaseId: string }) {
  const t = useTranslations("afterLaunch.feedback");
  const dates = useDateFormat();
  const feedback = useFeedback(releaseId);
  const save = useSaveFeedback(releaseId);
  const canCreate = usePermission("feedback.create");
  const canTriage = usePermission("feedback.triage");
  const [filter, setFilter] = useState<Filter>("open");
  const [conflict, setConflict] = useState<string | null>(null);
  const shown = (feedback.data ?? []).filter((item) => filter === "all" || item.status === filter);

  const setStatus = (item: Feedback, status: Feedback["status"]) => {
    setConflict(null);
    save.mutate(
      { feedbackId: item.id, input: { version: item.version, status } },
      { onError: (error) => conflictCurrent(error) && setConflict(item.title) },
    );
  };
  const actions = (item: Feedback): { status: Feedback["status"]; label: string }[] =>
    item.status === "open"
      ? [{ status: "triaged", label: t("triage") }, { status: "resolved", label: t("resolve") }]
      : item.status === "triaged"
        ? [{ status: "resolved", label: t("resolve") }]
        : [{ status: "open", label: t("reopen") }];

  return (
    <Panel title={t("title")} id="feedback" flush>
      <div className="flex flex-col gap-3 p-4">
        {canCreate ? <FeedbackForm pending={save.isPending} onCreate={(input) => save.mutate({ feedbackId: null, input })} /> : <p className="text-[12px] text-ink-faint">{t("readOnly")}</p>}
        {save.error && !conflictCurrent(save.error) ? <FormError error={save.error} /> : null}
        {conflict ? (
          <Alert tone="warn" role="status">
            {t("conflict", { title: conflict })}
          </Alert>
        ) : null}
        <div role="group" aria-label={t("filter.label")} className="inline-flex w-fit rounded-md border border-line-strong bg-surface p-0.5">
          {filters.map((value) => (
            <button
              key={value}
              type="button"
              aria-pressed={filter === value}
              onClick={() => setFilter(value)}
              className={cn("h-7 rounded px-2.5 text-[13px] font-medium", filter === value ? "bg-accent-solid text-on-accent" : "text-ink-muted hover:text-ink")}
            >
              {t(`filter.${value}`)}
            </button>
          ))}
        </div>
      </div>
      {feedback.error ? <ErrorState error={feedback.error} onRetry={() => void feedback.refetch()} /> : null}
      {!feedback.data && !feedback.error ? <LoadingState /> : null}
      {feedback.data ? (
        <Table label={t("title")}>
          <thead>
            <tr>
              <Th>{t("columns.title")}</Th>
              <Th>{t("columns.kind")}</Th>
              <Th>{t("columns.category")}</Th>
              <Th>{t("columns.severity")}</Th>
              <Th>{t("columns.status")}</Th>
              <Th>{t("columns.reported")}</Th>
              {canTriage ? <Th className="text-right">{t("columns.actions")}</Th> : null}
            </tr>
          </thead>
          <tbody>
            {shown.length === 0 ? (
              <tr>
                <Td colSpan={canTriage ? 7 : 6} className="text-center text-ink-faint">
                  {t("empty")}
                </Td>
              </tr>
            ) : null}
            {shown.map((item) => (
              <tr key={item.id} className="align-top" data-testid="feedback-row">
                <Td className="min-w-56">
                  <p className="font-medium">{item.title}</p>
                  {item.body ? <p className="text-[12px] whitespace-pre-line text-ink-muted">{item.body}</p> : null}
                </Td>
                <Td className="whitespace-nowrap">{t(`kinds.${item.kind}`)}</Td>
                <Td className="whitespace-nowrap">{t(`categories.${item.category}`)}</Td>
                <Td>
                  <Badge tone={severityTone[item.severity] ?? "neutral"}>{t(`severities.${item.severity as 1 | 2 | 3 | 4}`)}</Badge>
                </Td>
                <Td>
                  <Badge tone={statusTone[item.status]}>{t(`statuses.${item.status}`)}</Badge>
                </Td>
                <Td className="text-[12px] whitespace-nowrap text-ink-muted">
                  {dates.shortDateTime(item.createdAt)}
                  {item.reporter ? <span className="block">{t("by", { name: item.reporter.name })}</span> : null}
                </Td>
                {canTriage ? (
                  <Td className="text-right whitespace-nowrap">
                    <div className="flex justify-end gap-1">
                      {actions(item).map((action) => (
                        <Button key={action.status} size="sm" disabled={save.isPending} aria-label={t("actionFor", { action: action.label, title: item.title })} onClick={() => setStatus(item, action.status)}>
                          {action.label}
                        </Button>
                      ))}
                    </div>
                  </Td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
    </Panel>
  );
}

interface FeedbackFormProps {
  pending: boolean;
  onCreate: (input: { kind: Feedback["kind"]; category: Feedback["category"]; severity: number; title: string; body: string }) => void;
}

function FeedbackForm({ pending, onCreate }: FeedbackFormProps) {
  const t = useTranslations("afterLaunch.feedback");
  const id = useId();
  const [kind, setKind] = useState<Feedback["kind"]>("enquiry");
  const [category, setCategory] = useState<Feedback["category"]>("bug");
  const [severity, setSeverity] = useState(3);
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return;
    onCreate({ kind, category, severity, title: title.trim(), body: body.trim() });
    setTitle("");
    setBody("");
  };

  return (
    <form onSubmit={submit} className="grid gap-3 rounded-md border border-line p-3 sm:grid-cols-3" aria-label={t("add")}>
      <Field label={t("kind")} htmlFor={`${id}-kind`}>
        <select id={`${id}-kind`} className={controlClass} value={kind} onChange={(event) => setKind(feedbackKinds.find((value) => value === event.target.value) ?? kind)}>
          {feedbackKinds.map((value) => (
            <option key={value} value={value}>
              {t(`kinds.${value}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("category")} htmlFor={`${id}-category`}>
        <select id={`${id}-category`} className={controlClass} value={category} onChange={(event) => setCategory(feedbackCategories.find((value) => value === event.target.value) ?? category)}>
          {feedbackCategories.map((value) => (
            <option key={value} value={value}>
              {t(`categories.${value}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("severity")} htmlFor={`${id}-severity`}>
        <select id={`${id}-severity`} className={controlClass} value={severity} onChange={(event) => setSeverity(Number(event.target.value))}>
          {severities.map((value) => (
            <option key={value} value={value}>
              {t(`severities.${value}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("titleField")} htmlFor={`${id}-title`} className="sm:col-span-3">
        <input id={`${id}-title`} className={controlClass} required maxLength={200} value={title} onChange={(event) => setTitle(event.target.value)} />
      </Field>
      <Field label={t("body")} htmlFor={`${id}-body`} className="sm:col-span-3">
        <textarea id={`${id}-body`} className={textareaClass} maxLength={5000} value={body} onChange={(event) => setBody(event.target.value)} />
      </Field>
      <div className="sm:col-span-3">
        <Button type="submit" variant="primary" disabled={pending || !title.trim()}>
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}
