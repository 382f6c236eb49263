import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import type { OperationDetailDto, OperationSummaryDto } from "./operations.validation";

export const operationSummarySelect = {
  id: true,
  releaseId: true,
  kind: true,
  status: true,
  rehearsal: true,
  scheduledAt: true,
  startedAt: true,
  finishedAt: true,
  createdAt: true,
  requestedById: true,
  reason: true,
  currentStep: true,
  confirmedGreen: true,
  version: true,
} as const satisfies Prisma.OperationSelect;

type SummaryRow = Prisma.OperationGetPayload<{ select: typeof operationSummarySelect }>;

// The last lines are what a person looks at; older ones stay in the table.
export const logLineLimit = 500;

export async function listOperations(releaseId: string): Promise<OperationSummaryDto[]> {
  await assertRelease(releaseId);
  const rows = await prisma.operation.findMany({ where: { releaseId }, orderBy: { createdAt: "desc" }, take: 50, select: operationSummarySelect });
  return toSummaries(rows);
}

export async function getOperation(releaseId: string, operationId: string): Promise<OperationDetailDto> {
  const row = await prisma.operation.findFirst({ where: { id: operationId, releaseId }, select: operationSummarySelect });
  if (!row) throw new AppError("NOT_FOUND", "Operation not found in this release");
  const [steps, logs, [summary]] = await Promise.all([
    prisma.operationStep.findMany({ where: { operationId }, orderBy: { position: "asc" } }),
    prisma.operationLog.findMany({ where: { operationId }, orderBy: { id: "desc" }, take: logLineLimit }),
    toSummaries([row]),
  ]);
  return {
    ...summary!,
    steps: steps.map((step) => ({
      id: step.id,
      position: step.position,
      kind: step.kind,
      params: step.params,
      status: step.status,
      attempts: step.attempts,
      result: step.result,
      error: step.error,
      startedAt: step.startedAt?.toISOString() ?? null,
      finishedAt: step.finishedAt?.toISOString() ?? null,
    })),
    logs: logs.reverse().map((line) => ({
      id: line.id.toString(),
      stepId: line.stepId,
      at: line.at.toISOString(),
      level: line.level === "warn" || line.level === "error" ? line.level : "info",
      message: line.message,
    })),
  };
}

export async function getOperationSummary(operationId: string): Promise<OperationSummaryDto> {
  const row = await prisma.operation.findUniqueOrThrow({ where: { id: operationId }, select: operationSummarySelect });
  const [summary] = await toSummaries([row]);
  return summary!;
}

async function toSummaries(rows: SummaryRow[]): Promise<OperationSummaryDto[]> {
  const requesterIds = [...new Set(rows.flatMap((row) => (row.requestedById ? [row.requestedById] : [])))];
  const users = requesterIds.length ? await prisma.user.findMany({ where: { id: { in: requesterIds } }, select: { id: true, name: true } }) : [];
  const byId = new Map(users.map((user) => [user.id, user]));
  return rows.map((row) => ({
    id: row.id,
    releaseId: row.releaseId,
    kind: row.kind,
    status: row.status,
    rehearsal: row.rehearsal,
    scheduledAt: row.scheduledAt?.toISOString() ?? null,
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    requestedBy: (row.requestedById && byId.get(row.requestedById)) || null,
    reason: row.reason,
    currentStep: row.currentStep,
    confirmedGreen: row.confirmedGreen,
    version: row.version,
  }));
}

export async function assertRelease(releaseId: string): Promise<void> {
  const release = await prisma.release.findUnique({ where: { id: releaseId }, select: { id: true } });
  if (!release) throw new AppError("NOT_FOUND", "Release not found");
}
