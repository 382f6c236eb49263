import { mutate, type Actor } from "@/lib/audit/mutate";
import { prisma, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { assertReleaseExists } from "@/lib/releases/get-release";
import type { CreateFeedbackInput, FeedbackDto, FeedbackQuery, UpdateFeedbackInput } from "./feedback.validation";
import { feedbackCategories } from "./feedback.validation";

const feedbackSelect = {
  id: true,
  kind: true,
  category: true,
  severity: true,
  title: true,
  body: true,
  status: true,
  createdAt: true,
  updatedAt: true,
  version: true,
  reporter: { select: { id: true, name: true } },
} as const satisfies Prisma.FeedbackSelect;
type FeedbackRow = Prisma.FeedbackGetPayload<{ select: typeof feedbackSelect }>;

function toFeedbackDto(row: FeedbackRow): FeedbackDto {
  return {
    id: row.id,
    kind: row.kind,
    // Stored as text; anything the list does not know shows as "other".
    category: feedbackCategories.find((category) => category === row.category) ?? "other",
    severity: row.severity,
    title: row.title,
    body: row.body,
    status: row.status,
    reporter: row.reporter,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

// Open items first, then the most severe, then the newest.
export async function listFeedback(releaseId: string, query: FeedbackQuery = {}): Promise<FeedbackDto[]> {
  await assertReleaseExists(releaseId);
  const rows = await prisma.feedback.findMany({
    where: { releaseId, status: query.status, kind: query.kind },
    orderBy: [{ status: "asc" }, { severity: "asc" }, { createdAt: "desc" }],
    take: 500,
    select: feedbackSelect,
  });
  return rows.map(toFeedbackDto);
}

export async function createFeedback(actor: Actor, releaseId: string, reporterId: string, input: CreateFeedbackInput): Promise<FeedbackDto> {
  return mutate(actor, async ({ tx, audit }) => {
    await assertReleaseExists(releaseId);
    const row = await tx.feedback.create({ data: { releaseId, reporterId, ...input }, select: feedbackSelect });
    const dto = toFeedbackDto(row);
    await audit({ releaseId, action: "feedback.created", subjectType: "Feedback", subjectId: row.id, after: auditView(dto) });
    return dto;
  });
}

export async function updateFeedback(actor: Actor, releaseId: string, feedbackId: string, input: UpdateFeedbackInput): Promise<FeedbackDto> {
  return mutate(actor, async ({ tx, audit }) => {
    const current = await readFeedback(tx, releaseId, feedbackId);
    if (current.version !== input.version) throw conflict(current);
    const { version, ...changes } = input;
    const { count } = await tx.feedback.updateMany({ where: { id: feedbackId, releaseId, version }, data: { ...changes, version: { increment: 1 } } });
    if (count === 0) throw conflict(await readFeedback(tx, releaseId, feedbackId));
    const before = auditView(toFeedbackDto(current));
    const dto = toFeedbackDto(await readFeedback(tx, releaseId, feedbackId));
    const after = auditView(dto);
    const changedBefore: Record<string, unknown> = { version: before.version };
    const changedAfter: Record<string, unknown> = { title: dto.title, version: after.version };
    for (const field of Object.keys(changes)) {
      if (JSON.stringify(before[field]) === JSON.stringify(after[field])) continue;
      changedBefore[field] = before[field];
      changedAfter[field] = after[field];
    }
    await audit({ releaseId, action: "feedback.updated", subjectType: "Feedback", subjectId: feedbackId, before: changedBefore, after: changedAfter });
    return dto;
  });
}

async function readFeedback(tx: Tx, releaseId: string, feedbackId: string): Promise<FeedbackRow> {
  const row = await tx.feedback.findFirst({ where: { id: feedbackId, releaseId }, select: feedbackSelect });
  if (!row) throw new AppError("NOT_FOUND", "Feedback not found in this release");
  return row;
}

function auditView(feedback: FeedbackDto): Record<string, unknown> {
  const { kind, category, severity, title, body, status, version } = feedback;
  return { kind, category, severity, title, body, status, version };
}

function conflict(current: FeedbackRow): AppError {
  return new AppError("VERSION_CONFLICT", "Someone else changed this feedback; review it and try again", { current: toFeedbackDto(current) });
}
