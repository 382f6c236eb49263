import { prisma } from "@/lib/db/client";
import { getScorecard } from "@/lib/criteria/scorecard";
import { AppError } from "@/lib/errors";
import { stabilisationPhaseKey } from "@/lib/oncall/oncall";
import { operationPhaseKeys, phaseStatusFromOperations } from "@/lib/phases/phase-status";
import { riskScore } from "@/lib/risks/matrix";
import type { ReleaseReport } from "./report.validation";

const byPosition = { orderBy: { position: "asc" } } as const;
const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;

// Plan against what happened, read in one pass: what was ticked, approved,
// run (with times), rolled back and announced, and what success meant.
export async function buildReleaseReport(releaseId: string, now: Date = new Date()): Promise<ReleaseReport> {
  const release = await prisma.release.findUnique({
    where: { id: releaseId },
    select: {
      id: true,
      version: true,
      nameKo: true,
      nameEn: true,
      status: true,
      timezone: true,
      windowStart: true,
      windowEnd: true,
      sections: { ...byPosition, select: { key: true, titleKo: true, titleEn: true, items: { ...byPosition, select: { key: true, titleKo: true, titleEn: true, status: true, requiredForGoLive: true } } } },
      phases: { ...byPosition, select: { key: true, titleKo: true, titleEn: true, startsAt: true, endsAt: true, status: true } },
      gates: { ...byPosition, select: { key: true, titleKo: true, titleEn: true, status: true, round: true, decidedAt: true, decisions: { orderBy: { createdAt: "asc" }, select: { kind: true, round: true, comment: true, createdAt: true, user: { select: { name: true } } } } } },
      operations: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          kind: true,
          status: true,
          rehearsal: true,
          scheduledAt: true,
          startedAt: true,
          finishedAt: true,
          createdAt: true,
          reason: true,
          requestedById: true,
          steps: { ...byPosition, select: { position: true, kind: true, status: true, startedAt: true, finishedAt: true } },
        },
      },
      rollbackReports: { orderBy: { createdAt: "asc" }, select: { cause: true, fixPlan: true, newScheduleAt: true, authorId: true, createdAt: true } },
      risks: { ...byPosition, select: { key: true, titleKo: true, titleEn: true, severity: true, likelihood: true, status: true } },
      criteria: { orderBy: [{ kind: "asc" }, { position: "asc" }], select: { kind: true, key: true, titleKo: true, titleEn: true, metric: true, aggregation: true, comparator: true, threshold: true, windowSec: true } },
    },
  });
  if (!release) throw new AppError("NOT_FOUND", "Release not found");

  const peopleIds = [...release.operations.map((op) => op.requestedById), ...release.rollbackReports.map((report) => report.authorId)].filter((id): id is string => Boolean(id));
  const people = new Map((await prisma.user.findMany({ where: { id: { in: peopleIds } }, select: { id: true, name: true } })).map((user) => [user.id, user.name]));
  const nameOf = (id: string | null) => (id ? (people.get(id) ?? null) : null);

  const items = release.sections.flatMap((section) => section.items);
  const applicable = items.filter((item) => item.status !== "n_a");
  const realOperations = release.operations.filter((op) => !op.rehearsal);
  const scorecard = await scorecardAt(releaseId, scorecardTime(release.phases, release.windowStart, now));
  const scored = new Map((scorecard.card?.criteria ?? []).map((entry) => [entry.key, entry]));
  const feedbackCounts = await prisma.feedback.groupBy({ by: ["status"], where: { releaseId }, _count: { _all: true } });
  const feedbackCount = (status: string) => feedbackCounts.find((row) => row.status === status)?._count._all ?? 0;

  return {
    generatedAt: now.toISOString(),
    release: {
      id: release.id,
      version: release.version,
      name: { ko: release.nameKo, en: release.nameEn },
      status: release.status,
      timezone: release.timezone,
      windowStart: release.windowStart.toISOString(),
      windowEnd: release.windowEnd.toISOString(),
    },
    checklist: {
      done: applicable.filter((item) => item.status === "done").length,
      applicable: applicable.length,
      total: items.length,
      requiredOpen: items
        .filter((item) => item.requiredForGoLive && item.status !== "done" && item.status !== "n_a")
        .map((item) => ({ key: item.key, title: { ko: item.titleKo, en: item.titleEn }, status: item.status })),
      sections: release.sections.map((section) => {
        const counted = section.items.filter((item) => item.status !== "n_a");
        return { key: section.key, title: { ko: section.titleKo, en: section.titleEn }, done: counted.filter((item) => item.status === "done").length, applicable: counted.length };
      }),
    },
    phases: release.phases.map((phase) => {
      const kind = (Object.keys(operationPhaseKeys) as (keyof typeof operationPhaseKeys)[]).find((candidate) => operationPhaseKeys[candidate] === phase.key);
      const carriedOut = kind ? realOperations.filter((op) => op.kind === kind && op.startedAt).at(-1) : undefined;
      return {
        key: phase.key,
        title: { ko: phase.titleKo, en: phase.titleEn },
        plannedStart: phase.startsAt.toISOString(),
        plannedEnd: iso(phase.endsAt),
        actualStart: iso(carriedOut?.startedAt),
        actualEnd: iso(carriedOut?.finishedAt),
        status: phaseStatusFromOperations(phase, release.operations),
      };
    }),
    approvals: release.gates.map((gate) => ({
      key: gate.key,
      title: { ko: gate.titleKo, en: gate.titleEn },
      status: gate.status,
      round: gate.round,
      decidedAt: iso(gate.decidedAt),
      decisions: gate.decisions.map((decision) => ({ kind: decision.kind, by: decision.user.name, at: decision.createdAt.toISOString(), comment: decision.comment, round: decision.round })),
    })),
    operations: release.operations.map((op) => ({
      id: op.id,
      kind: op.kind,
      status: op.status,
      rehearsal: op.rehearsal,
      requestedBy: nameOf(op.requestedById),
      scheduledAt: iso(op.scheduledAt),
      startedAt: iso(op.startedAt),
      finishedAt: iso(op.finishedAt),
      durationSec: op.startedAt && op.finishedAt ? Math.round((op.finishedAt.getTime() - op.startedAt.getTime()) / 1000) : null,
      reason: op.reason,
      steps: op.steps.map((step) => ({ position: step.position, kind: step.kind, status: step.status, startedAt: iso(step.startedAt), finishedAt: iso(step.finishedAt) })),
    })),
    incidents: {
      failedOperations: realOperations.filter((op) => op.status === "failed" || op.status === "aborted").length,
      rollbacks: realOperations.filter((op) => op.kind === "rollback").length,
      rollbackReports: release.rollbackReports.map((report) => ({
        cause: report.cause,
        fixPlan: report.fixPlan,
        newScheduleAt: iso(report.newScheduleAt),
        author: nameOf(report.authorId),
        createdAt: report.createdAt.toISOString(),
      })),
    },
    announcements: await sentAnnouncements(releaseId),
    feedback: { open: feedbackCount("open"), triaged: feedbackCount("triaged"), resolved: feedbackCount("resolved") },
    risks: release.risks.map((risk) => ({ key: risk.key, title: { ko: risk.titleKo, en: risk.titleEn }, score: riskScore(risk.severity, risk.likelihood), status: risk.status })),
    criteria: release.criteria.map((criterion) => ({
      kind: criterion.kind,
      key: criterion.key,
      title: { ko: criterion.titleKo, en: criterion.titleEn },
      rule:
        criterion.metric && criterion.comparator && criterion.threshold !== null
          ? `${criterion.aggregation ?? "last"}(${criterion.metric}) ${comparatorSymbol[criterion.comparator] ?? criterion.comparator} ${criterion.threshold}${criterion.windowSec ? ` over ${criterion.windowSec}s` : ""}`
          : null,
      value: scored.get(criterion.key)?.value ?? null,
      outcome: scored.get(criterion.key)?.outcome ?? null,
    })),
    scorecard: {
      at: scorecard.at.toISOString(),
      outcome: scorecard.card?.outcome ?? null,
      score: scorecard.card?.score ?? null,
      reason: scorecard.card?.reason ?? scorecard.failure ?? "",
    },
  };
}

// Success is judged at the end of the stabilisation window; while the
// window lasts (or before it starts), as of now.
function scorecardTime(phases: readonly { key: string; endsAt: Date | null }[], windowStart: Date, now: Date): Date {
  const stabilisation = phases.find((phase) => phase.key === stabilisationPhaseKey);
  const end = stabilisation?.endsAt ?? new Date(windowStart.getTime() + 48 * 3_600_000);
  return end.getTime() < now.getTime() ? end : now;
}

type Scorecard = Awaited<ReturnType<typeof getScorecard>>;

// The report must open even when metrics cannot be read (no source set up,
// a provider down); the scorecard then says why instead of failing the page.
async function scorecardAt(releaseId: string, at: Date): Promise<{ at: Date; card: Scorecard | null; failure: string | null }> {
  try {
    return { at, card: await getScorecard(releaseId, at), failure: null };
  } catch (error) {
    console.error("Release report: scorecard not available", error);
    return { at, card: null, failure: error instanceof Error ? error.message : "The success criteria could not be evaluated" };
  }
}

const comparatorSymbol: Record<string, string> = { lt: "<", lte: "≤", gt: ">", gte: "≥" };

// Announcements belong to another part of the product and may not be
// installed (their table absent); read them by SQL so the report works either way.
async function sentAnnouncements(releaseId: string): Promise<ReleaseReport["announcements"]> {
  const [table] = await prisma.$queryRaw<{ exists: boolean }[]>`SELECT to_regclass('"Announcement"') IS NOT NULL AS "exists"`;
  if (!table?.exists) return { tracked: false, sent: [] };
  const rows = await prisma.$queryRaw<{ title: string; channel: string; audience: string; sentAt: Date }[]>`
    SELECT "title", "channel", "audience", "sentAt" FROM "Announcement"
    WHERE "releaseId" = ${releaseId}::uuid AND "status" = 'sent' AND "sentAt" IS NOT NULL
    ORDER BY "sentAt" ASC`;
  return { tracked: true, sent: rows.map((row) => ({ title: row.title, channel: row.channel, audience: row.audience, sentAt: row.sentAt.toISOString() })) };
}
