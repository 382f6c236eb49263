"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { useCreateRollbackReport, useRollbackReports } from "@/components/hooks/use-rollback-reports";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, controlClass, textareaClass } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Panel } from "@/components/ui/panel";
import { useDateFormat } from "@/components/ui/use-date-format";
import { fromDateTimeLocal } from "@/lib/client/datetime-local";
import type { RollbackReport } from "@/lib/client/types";

interface RollbackReportPanelProps {
  releaseId: string;
  canWrite: boolean;
  className?: string;
}

// The seed's "after a rollback": why it happened, how it gets fixed, when the
// next attempt is. Asked for as soon as a real rollback has run; the release
// keeps every report.
export function RollbackReportPanel({ releaseId, canWrite, className }: RollbackReportPanelProps) {
  const t = useTranslations("control.report");
  const { data } = useRollbackReports(releaseId);
  if (!data || (data.reports.length === 0 && data.outstanding.length === 0)) return null;
  const waiting = data.outstanding[0];
  return (
    <Panel title={t("title")} id="rollback-report" className={className}>
      <div className="flex flex-col gap-4">
        {waiting ? (
          canWrite ? (
            <ReportForm key={waiting.operationId} releaseId={releaseId} operationId={waiting.operationId} />
          ) : (
            <Alert tone="warn" role="status">
              {t("pending")}
            </Alert>
          )
        ) : null}
        {data.reports.map((report) => (
          <ReportView key={report.id} report={report} />
        ))}
      </div>
    </Panel>
  );
}

function ReportView({ report }: { report: RollbackReport }) {
  const t = useTranslations("control.report");
  const dates = useDateFormat();
  return (
    <dl data-testid="rollback-report" className="grid gap-x-4 gap-y-2 border-b border-line pb-4 text-[13px] last:border-b-0 last:pb-0 sm:grid-cols-[10rem_1fr]">
      <dt className="text-ink-faint">{t("cause")}</dt>
      <dd className="whitespace-pre-wrap">{report.cause}</dd>
      <dt className="text-ink-faint">{t("fixPlan")}</dt>
      <dd className="whitespace-pre-wrap">{report.fixPlan}</dd>
      <dt className="text-ink-faint">{t("newSchedule")}</dt>
      <dd className="tabular-nums">{report.newScheduleAt ? dates.dateTime(report.newScheduleAt) : t("notScheduled")}</dd>
      <dt className="text-ink-faint">{t("author")}</dt>
      <dd>
        {report.author?.name ?? "—"} · {dates.dateTime(report.createdAt)}
      </dd>
    </dl>
  );
}

function ReportForm({ releaseId, operationId }: { releaseId: string; operationId: string }) {
  const t = useTranslations("control.report");
  const tCommon = useTranslations("common");
  const create = useCreateRollbackReport(releaseId);
  const [cause, setCause] = useState("");
  const [fixPlan, setFixPlan] = useState("");
  const [schedule, setSchedule] = useState("");

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ operationId, cause: cause.trim(), fixPlan: fixPlan.trim(), newScheduleAt: fromDateTimeLocal(schedule) });
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" data-testid="rollback-report-form">
      <Alert tone="warn" role="status">
        {t("asked")}
      </Alert>
      <fieldset disabled={create.isPending} className="grid gap-3 md:grid-cols-2">
        <legend className="sr-only">{t("title")}</legend>
        <Field label={t("cause")} htmlFor="report-cause">
          <textarea id="report-cause" required maxLength={5000} rows={4} value={cause} onChange={(event) => setCause(event.target.value)} className={textareaClass} />
        </Field>
        <Field label={t("fixPlan")} htmlFor="report-fix">
          <textarea id="report-fix" required maxLength={5000} rows={4} value={fixPlan} onChange={(event) => setFixPlan(event.target.value)} className={textareaClass} />
        </Field>
        <Field label={t("newSchedule")} htmlFor="report-schedule" hint={t("scheduleHint")}>
          <input id="report-schedule" type="datetime-local" value={schedule} onChange={(event) => setSchedule(event.target.value)} className={controlClass} />
        </Field>
      </fieldset>
      {create.error ? <FormError error={create.error} /> : null}
      <div className="flex justify-end">
        <Button type="submit" variant="primary" disabled={create.isPending || !cause.trim() || !fixPlan.trim()}>
          {create.isPending ? tCommon("saving") : t("submit")}
        </Button>
      </div>
    </form>
  );
}
