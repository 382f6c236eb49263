import { reportLabels, type ReportLabel, type ReportLanguage } from "./report-labels";
import type { ReleaseReport } from "./report.validation";

// The report as one markdown file, times on the release's wall clock.
export function renderReportMarkdown(report: ReleaseReport, lang: ReportLanguage): string {
  const labels = reportLabels[lang];
  const t = (key: ReportLabel, values: Record<string, string | number> = {}) =>
    Object.entries(values).reduce<string>((text, [name, value]) => text.replace(`{${name}}`, String(value)), labels[key]);
  const text = (value: { ko: string; en: string }) => escapeCell(value[lang]);
  const zone = report.release.timezone;
  const time = (iso: string | null) => (iso ? formatTime(iso, zone) : labels.none);
  const lines: string[] = [];
  const table = (head: string[], rows: string[][]) => {
    lines.push(`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...rows.map((row) => `| ${row.join(" | ")} |`), "");
  };

  lines.push(`# ${t("title")}: ${text(report.release.name)} (${report.release.version})`, "");
  lines.push(`- ${t("status")}: ${report.release.status}`);
  lines.push(`- ${t("window")}: ${time(report.release.windowStart)} – ${time(report.release.windowEnd)} (${zone})`);
  lines.push(`- ${t("generated")}: ${time(report.generatedAt)}`, "");

  const { checklist } = report;
  const percent = checklist.applicable === 0 ? 100 : Math.round((100 * checklist.done) / checklist.applicable);
  lines.push(`## ${t("checklist")}`, "", t("completion", { done: checklist.done, applicable: checklist.applicable, percent }), "");
  table([t("section"), t("done")], checklist.sections.map((section) => [text(section.title), `${section.done}/${section.applicable}`]));
  if (checklist.requiredOpen.length === 0) lines.push(t("allRequiredDone"), "");
  else lines.push(`**${t("requiredOpen")}**`, "", ...checklist.requiredOpen.map((item) => `- ${text(item.title)} (${item.status})`), "");

  lines.push(`## ${t("phases")}`, "");
  table(
    [t("phase"), t("planned"), t("actual"), t("status")],
    report.phases.map((phase) => [
      text(phase.title),
      `${time(phase.plannedStart)} – ${time(phase.plannedEnd)}`,
      phase.actualStart ? `${time(phase.actualStart)} – ${time(phase.actualEnd)}` : labels.none,
      phase.status,
    ]),
  );

  lines.push(`## ${t("approvals")}`, "");
  table(
    [t("gate"), t("status"), t("round"), t("decisions")],
    report.approvals.map((gate) => [
      text(gate.title),
      gate.status,
      String(gate.round),
      gate.decisions.length === 0
        ? labels.noDecisions
        : gate.decisions.map((d) => `${d.kind} · ${escapeCell(d.by ?? labels.none)} · ${time(d.at)}${d.comment ? ` · “${escapeCell(d.comment)}”` : ""}`).join("<br>"),
    ]),
  );

  lines.push(`## ${t("operations")}`, "");
  if (report.operations.length === 0) lines.push(t("noOperations"), "");
  else
    table(
      [t("kind"), t("status"), t("started"), t("finished"), t("duration"), t("requestedBy")],
      report.operations.map((op) => [
        op.rehearsal ? `${op.kind} (${t("rehearsal")})` : op.kind,
        op.reason ? `${op.status}: ${escapeCell(op.reason)}` : op.status,
        time(op.startedAt),
        time(op.finishedAt),
        op.durationSec === null ? labels.none : formatDuration(op.durationSec),
        escapeCell(op.requestedBy ?? labels.none),
      ]),
    );

  lines.push(`## ${t("incidents")}`, "", `- ${t("failedOperations", { count: report.incidents.failedOperations })}`, `- ${t("rollbacks", { count: report.incidents.rollbacks })}`, "");
  for (const rollback of report.incidents.rollbackReports) {
    lines.push(`### ${time(rollback.createdAt)}${rollback.author ? ` · ${escapeCell(rollback.author)}` : ""}`, "");
    lines.push(`- ${t("cause")}: ${escapeCell(rollback.cause)}`, `- ${t("fixPlan")}: ${escapeCell(rollback.fixPlan)}`);
    lines.push(`- ${t("newSchedule")}: ${time(rollback.newScheduleAt)}`, "");
  }

  lines.push(`## ${t("announcements")}`, "");
  if (!report.announcements.tracked) lines.push(t("announcementsNotTracked"), "");
  else if (report.announcements.sent.length === 0) lines.push(t("noAnnouncements"), "");
  else lines.push(...report.announcements.sent.map((a) => `- ${time(a.sentAt)} · ${a.channel} (${a.audience}) · ${escapeCell(a.title)}`), "");

  lines.push(`## ${t("feedback")}`, "", t("feedbackCounts", report.feedback), "");

  lines.push(`## ${t("risks")}`, "");
  table([t("risks"), t("score"), t("status")], report.risks.map((risk) => [text(risk.title), String(risk.score), risk.status]));

  lines.push(`## ${t("criteria")}`, "");
  const { scorecard } = report;
  const verdict = scorecard.outcome ? t(scorecard.outcome) : t("notEvaluated");
  lines.push(`${t("scorecard", { time: time(scorecard.at), outcome: verdict })}${scorecard.score === null ? "" : ` (${t("scoreValue", { score: scorecard.score })})`}`);
  lines.push(...(scorecard.reason ? ["", `> ${escapeCell(scorecard.reason)}`] : []), "");
  for (const kind of ["success", "rollback"] as const) {
    const criteria = report.criteria.filter((criterion) => criterion.kind === kind);
    if (criteria.length === 0) continue;
    lines.push(`**${t(kind === "success" ? "successCriteria" : "rollbackCriteria")}**`, "");
    lines.push(...criteria.map((criterion) => `- ${text(criterion.title)} — ${criterion.rule ? `\`${criterion.rule}\`` : t("manualCheck")}${measured(criterion)}`), "");
  }
  return `${lines.join("\n").trimEnd()}\n`;

  function measured(criterion: ReleaseReport["criteria"][number]): string {
    if (criterion.outcome === null) return "";
    const value = criterion.value === null ? "" : `${t("measured", { value: Number(criterion.value.toFixed(3)) })}, `;
    return ` — ${value}${t(criterion.outcome)}`;
  }
}

// Table cells cannot hold pipes or line breaks.
function escapeCell(value: string): string {
  return value.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

function formatTime(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(new Date(iso));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((part) => part.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
}

function formatDuration(totalSec: number): string {
  const hours = Math.floor(totalSec / 3600);
  const minutes = Math.floor((totalSec % 3600) / 60);
  const seconds = totalSec % 60;
  return hours > 0 ? `${hours}h ${minutes}m` : minutes > 0 ? `${minutes}m ${seconds}s` : `${seconds}s`;
}
