"use client";

import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useReport, type ReleaseReport } from "@/components/hooks/use-report";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import { useDateFormat } from "@/components/ui/use-date-format";
import { localized } from "@/lib/client/localized";

export function ReportView({ releaseId }: { releaseId: string }) {
  const t = useTranslations("report");
  const dates = useDateFormat();
  const report = useReport(releaseId);
  const download = (lang: "en" | "ko") => `/api/v1/releases/${encodeURIComponent(releaseId)}/report.md?lang=${lang}`;

  if (report.error) return <ErrorState error={report.error} onRetry={() => void report.refetch()} />;
  if (!report.data) return <LoadingState />;
  const data = report.data;

  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <div className="flex flex-wrap gap-2">
            <a href={download("en")} download className={buttonClass("primary")} data-testid="report-download-en" lang="en">
              {t("downloadEn")}
            </a>
            <a href={download("ko")} download className={buttonClass("secondary")} data-testid="report-download-ko">
              {t("downloadKo")}
            </a>
          </div>
        }
      />
      <p className="text-[12px] text-ink-faint">{t("generated", { time: dates.dateTime(data.generatedAt) })}</p>
      <ChecklistSection report={data} />
      <PhasesSection report={data} />
      <ApprovalsSection report={data} />
      <OperationsSection report={data} />
      <IncidentsSection report={data} />
      <div className="grid gap-4 lg:grid-cols-2">
        <AnnouncementsSection report={data} />
        <Panel title={t("feedback")}>
          <p className="text-[13px]">{t("feedbackCounts", data.feedback)}</p>
        </Panel>
      </div>
      <RisksAndCriteria report={data} />
    </div>
  );
}

function ChecklistSection({ report }: { report: ReleaseReport }) {
  const t = useTranslations("report");
  const locale = useLocale();
  const { checklist } = report;
  return (
    <Panel title={t("checklist")} flush>
      <div className="flex flex-col gap-2 p-4">
        <p className="text-[13px]">{t("completion", { done: checklist.done, applicable: checklist.applicable })}</p>
        {checklist.requiredOpen.length === 0 ? (
          <p className="text-[13px] text-ok">{t("allRequiredDone")}</p>
        ) : (
          <div>
            <p className="text-[12px] font-medium text-warn">{t("requiredOpen")}</p>
            <ul className="ml-4 list-disc text-[13px]">
              {checklist.requiredOpen.map((item) => (
                <li key={item.key}>{localized(item.title, locale)}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <Table label={t("checklist")}>
        <thead>
          <tr>
            <Th>{t("columns.section")}</Th>
            <Th>{t("columns.done")}</Th>
          </tr>
        </thead>
        <tbody>
          {checklist.sections.map((section) => (
            <tr key={section.key}>
              <Td>{localized(section.title, locale)}</Td>
              <Td className="tabular-nums">
                {section.done}/{section.applicable}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Panel>
  );
}

function PhasesSection({ report }: { report: ReleaseReport }) {
  const t = useTranslations("report");
  const tStatus = useTranslations("timeline.status");
  const locale = useLocale();
  const dates = useDateFormat();
  const span = (from: string | null, to: string | null) => (from ? `${dates.shortDateTime(from)} – ${to ? dates.shortDateTime(to) : "…"}` : "—");
  return (
    <Panel title={t("phases")} flush>
      <Table label={t("phases")}>
        <thead>
          <tr>
            <Th>{t("columns.phase")}</Th>
            <Th>{t("columns.planned")}</Th>
            <Th>{t("columns.actual")}</Th>
            <Th>{t("columns.status")}</Th>
          </tr>
        </thead>
        <tbody>
          {report.phases.map((phase) => (
            <tr key={phase.key}>
              <Td>{localized(phase.title, locale)}</Td>
              <Td className="whitespace-nowrap tabular-nums">{span(phase.plannedStart, phase.plannedEnd)}</Td>
              <Td className="whitespace-nowrap tabular-nums">{span(phase.actualStart, phase.actualEnd)}</Td>
              <Td>{statusText(tStatus, phase.status, phase.status)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Panel>
  );
}

function ApprovalsSection({ report }: { report: ReleaseReport }) {
  const t = useTranslations("report");
  const tGate = useTranslations("control.gates");
  const locale = useLocale();
  const dates = useDateFormat();
  return (
    <Panel title={t("approvals")} flush>
      <Table label={t("approvals")}>
        <thead>
          <tr>
            <Th>{t("columns.gate")}</Th>
            <Th>{t("columns.status")}</Th>
            <Th>{t("columns.round")}</Th>
            <Th>{t("columns.decisions")}</Th>
          </tr>
        </thead>
        <tbody>
          {report.approvals.map((gate) => (
            <tr key={gate.key} className="align-top">
              <Td>{localized(gate.title, locale)}</Td>
              <Td>{statusText(tGate, `status.${gate.status}`, gate.status)}</Td>
              <Td className="tabular-nums">{gate.round}</Td>
              <Td className="text-[12px]">
                {gate.decisions.length === 0 ? (
                  <span className="text-ink-faint">{t("noDecisions")}</span>
                ) : (
                  <ul>
                    {gate.decisions.map((decision) => (
                      <li key={`${decision.at}-${decision.kind}`}>
                        {statusText(tGate, `kind.${decision.kind}`, decision.kind)} · {decision.by ?? "—"} · {dates.shortDateTime(decision.at)}
                        {decision.comment ? ` · “${decision.comment}”` : ""}
                      </li>
                    ))}
                  </ul>
                )}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Panel>
  );
}

function OperationsSection({ report }: { report: ReleaseReport }) {
  const t = useTranslations("report");
  const tOperation = useTranslations("control.operations");
  const dates = useDateFormat();
  const time = (iso: string | null) => (iso ? dates.shortDateTime(iso) : "—");
  return (
    <Panel title={t("operations")} flush>
      {report.operations.length === 0 ? (
        <p className="p-4 text-[13px] text-ink-faint">{t("noOperations")}</p>
      ) : (
        <Table label={t("operations")}>
          <thead>
            <tr>
              <Th>{t("columns.kind")}</Th>
              <Th>{t("columns.status")}</Th>
              <Th>{t("columns.started")}</Th>
              <Th>{t("columns.finished")}</Th>
              <Th>{t("columns.duration")}</Th>
              <Th>{t("columns.requestedBy")}</Th>
            </tr>
          </thead>
          <tbody>
            {report.operations.map((op) => (
              <tr key={op.id} className="align-top">
                <Td>
                  {statusText(tOperation, `kind.${op.kind}`, op.kind)}
                  {op.rehearsal ? <span className="ml-1 text-[12px] text-ink-faint">({t("rehearsal")})</span> : null}
                </Td>
                <Td>
                  {statusText(tOperation, `status.${op.status}`, op.status)}
                  {op.reason ? <p className="text-[12px] text-ink-muted">{op.reason}</p> : null}
                </Td>
                <Td className="whitespace-nowrap tabular-nums">{time(op.startedAt)}</Td>
                <Td className="whitespace-nowrap tabular-nums">{time(op.finishedAt)}</Td>
                <Td className="tabular-nums">{op.durationSec === null ? "—" : formatDuration(op.durationSec)}</Td>
                <Td>{op.requestedBy ?? "—"}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Panel>
  );
}

function IncidentsSection({ report }: { report: ReleaseReport }) {
  const t = useTranslations("report");
  const dates = useDateFormat();
  const { incidents } = report;
  return (
    <Panel title={t("incidents")}>
      <ul className="flex flex-col gap-1 text-[13px]">
        <li className={incidents.failedOperations > 0 ? "text-danger" : undefined}>{t("failedOperations", { count: incidents.failedOperations })}</li>
        <li className={incidents.rollbacks > 0 ? "text-warn" : undefined}>{t("rollbacks", { count: incidents.rollbacks })}</li>
      </ul>
      {incidents.rollbackReports.map((rollback) => (
        <dl key={rollback.createdAt} className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 rounded-md border border-line p-3 text-[13px]">
          <Pair term={t("cause")}>{rollback.cause}</Pair>
          <Pair term={t("fixPlan")}>{rollback.fixPlan}</Pair>
          <Pair term={t("newSchedule")}>{rollback.newScheduleAt ? dates.dateTime(rollback.newScheduleAt) : "—"}</Pair>
        </dl>
      ))}
    </Panel>
  );
}

function AnnouncementsSection({ report }: { report: ReleaseReport }) {
  const t = useTranslations("report");
  const dates = useDateFormat();
  const { announcements } = report;
  return (
    <Panel title={t("announcements")}>
      {!announcements.tracked ? (
        <p className="text-[13px] text-ink-faint">{t("announcementsNotTracked")}</p>
      ) : announcements.sent.length === 0 ? (
        <p className="text-[13px] text-ink-faint">{t("noAnnouncements")}</p>
      ) : (
        <ul className="flex flex-col gap-1 text-[13px]">
          {announcements.sent.map((announcement) => (
            <li key={`${announcement.sentAt}-${announcement.title}`}>
              <span className="text-ink-muted tabular-nums">{dates.shortDateTime(announcement.sentAt)}</span> · {announcement.channel} · {announcement.title}
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

function RisksAndCriteria({ report }: { report: ReleaseReport }) {
  const t = useTranslations("report");
  const tRisk = useTranslations("riskRegister.statuses");
  const locale = useLocale();
  const dates = useDateFormat();
  const { scorecard } = report;
  const outcomeTone = (outcome: string | null) => (outcome === "pass" ? "ok" : outcome === "fail" ? "danger" : "muted");
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Panel title={t("risks")} flush>
        <Table label={t("risks")}>
          <thead>
            <tr>
              <Th>{t("columns.risk")}</Th>
              <Th>{t("columns.score")}</Th>
              <Th>{t("columns.status")}</Th>
            </tr>
          </thead>
          <tbody>
            {report.risks.map((risk) => (
              <tr key={risk.key}>
                <Td>{localized(risk.title, locale)}</Td>
                <Td className="tabular-nums">{risk.score}</Td>
                <Td>{statusText(tRisk, risk.status, risk.status)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Panel>
      <Panel title={t("criteria")}>
        <div className="mb-3 flex flex-wrap items-center gap-2 text-[13px]" data-testid="report-scorecard">
          <span>{t("scorecard", { time: dates.dateTime(scorecard.at) })}</span>
          <Badge tone={outcomeTone(scorecard.outcome)}>{t(`outcomes.${scorecard.outcome ?? "none"}`)}</Badge>
          {scorecard.score !== null ? <span className="text-ink-muted tabular-nums">{t("score", { score: scorecard.score })}</span> : null}
          {scorecard.reason ? <p className="w-full text-[12px] text-ink-faint">{scorecard.reason}</p> : null}
        </div>
        {(["success", "rollback"] as const).map((kind) => (
          <div key={kind} className="mb-3 last:mb-0">
            <h3 className="mb-1 text-[12px] font-semibold text-ink-muted">{t(kind === "success" ? "successCriteria" : "rollbackCriteria")}</h3>
            <ul className="flex flex-col gap-1 text-[13px]">
              {report.criteria
                .filter((criterion) => criterion.kind === kind)
                .map((criterion) => (
                  <li key={criterion.key}>
                    {localized(criterion.title, locale)}{" "}
                    <span className="text-[12px] text-ink-muted">{criterion.rule ? <code>{criterion.rule}</code> : t("manualCheck")}</span>
                    {criterion.outcome ? (
                      <span className="ml-2 inline-flex items-center gap-1">
                        {criterion.value !== null ? <span className="text-[12px] tabular-nums">{Number(criterion.value.toFixed(3))}</span> : null}
                        <Badge tone={outcomeTone(criterion.outcome)}>{t(`outcomes.${criterion.outcome}`)}</Badge>
                      </span>
                    ) : null}
                  </li>
                ))}
            </ul>
          </div>
        ))}
      </Panel>
    </div>
  );
}

function Pair({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-ink-muted">{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

// Statuses and kinds arrive as the API's words; show the translation where
// there is one, the word itself otherwise.
function statusText(t: { has: (key: string) => boolean; (key: string): string }, key: string, fallback: string): string {
  return t.has(key) ? t(key) : fallback;
}

function formatDuration(totalSec: number): string {
  const hours = Math.floor(totalSec / 3600);
  const minutes = Math.floor((totalSec % 3600) / 60);
  const seconds = totalSec % 60;
  return hours > 0 ? `${hours}h ${minutes}m` : minutes > 0 ? `${minutes}m ${seconds}s` : `${seconds}s`;
}
