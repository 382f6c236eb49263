import { mutate, type Actor } from "@/lib/audit/mutate";
import type { AuthUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertRelease } from "./operation-dto";
import type { CreateRollbackReportInput, RollbackReportDto } from "./operations.validation";

const reportSelect = { id: true, operationId: true, cause: true, fixPlan: true, newScheduleAt: true, authorId: true, createdAt: true } as const;

export interface RollbackReportList {
  reports: RollbackReportDto[];
  outstanding: { operationId: string; finishedAt: string | null }[];
}

// The release keeps every report; a finished real rollback without one is
// listed as outstanding so the UI can ask for it.
export async function listRollbackReports(releaseId: string): Promise<RollbackReportList> {
  await assertRelease(releaseId);
  const [rows, rollbacks] = await Promise.all([
    prisma.rollbackReport.findMany({ where: { releaseId }, orderBy: { createdAt: "desc" }, select: reportSelect }),
    prisma.operation.findMany({
      where: { releaseId, kind: "rollback", rehearsal: false, status: "succeeded", steps: { some: { kind: "request_report", status: "succeeded" } } },
      orderBy: { finishedAt: "desc" },
      select: { id: true, finishedAt: true },
    }),
  ]);
  const reported = new Set(rows.flatMap((row) => (row.operationId ? [row.operationId] : [])));
  return {
    reports: await toDtos(rows),
    outstanding: rollbacks.filter((op) => !reported.has(op.id)).map((op) => ({ operationId: op.id, finishedAt: op.finishedAt?.toISOString() ?? null })),
  };
}

export async function createRollbackReport(actor: Actor, user: AuthUser, releaseId: string, input: CreateRollbackReportInput): Promise<RollbackReportDto> {
  const row = await mutate(actor, async ({ tx, audit }) => {
    const release = await tx.release.findUnique({ where: { id: releaseId }, select: { id: true } });
    if (!release) throw new AppError("NOT_FOUND", "Release not found");
    if (input.operationId) {
      const op = await tx.operation.findFirst({ where: { id: input.operationId, releaseId }, select: { kind: true } });
      if (op?.kind !== "rollback") {
        throw new AppError("VALIDATION_FAILED", "operationId must name a rollback of this release", [
          { path: ["operationId"], message: "Not a rollback of this release", code: "invalid_value" },
        ]);
      }
    }
    const created = await tx.rollbackReport.create({
      data: {
        releaseId,
        operationId: input.operationId ?? null,
        cause: input.cause,
        fixPlan: input.fixPlan,
        newScheduleAt: input.newScheduleAt ? new Date(input.newScheduleAt) : null,
        authorId: user.id,
      },
      select: reportSelect,
    });
    await audit({
      releaseId,
      action: "rollback_report.created",
      subjectType: "RollbackReport",
      subjectId: created.id,
      after: { operationId: created.operationId, cause: created.cause, fixPlan: created.fixPlan, newScheduleAt: created.newScheduleAt?.toISOString() ?? null },
    });
    return created;
  });
  const [dto] = await toDtos([row]);
  return dto!;
}

type ReportRow = { id: string; operationId: string | null; cause: string; fixPlan: string; newScheduleAt: Date | null; authorId: string | null; createdAt: Date };

async function toDtos(rows: ReportRow[]): Promise<RollbackReportDto[]> {
  const authorIds = [...new Set(rows.flatMap((row) => (row.authorId ? [row.authorId] : [])))];
  const authors = authorIds.length ? await prisma.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } }) : [];
  const byId = new Map(authors.map((author) => [author.id, author]));
  return rows.map((row) => ({
    id: row.id,
    operationId: row.operationId,
    cause: row.cause,
    fixPlan: row.fixPlan,
    newScheduleAt: row.newScheduleAt?.toISOString() ?? null,
    author: (row.authorId && byId.get(row.authorId)) || null,
    createdAt: row.createdAt.toISOString(),
  }));
}
