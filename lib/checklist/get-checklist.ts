import type { Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ChecklistDto, ChecklistFilter } from "./checklist.validation";
import { itemSelect, toItemDto } from "./item-dto";

export async function getChecklist(releaseId: string, filter: ChecklistFilter, viewerId: string): Promise<ChecklistDto> {
  const release = await prisma.release.findUnique({
    where: { id: releaseId },
    select: {
      eventSeq: true,
      sections: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          key: true,
          position: true,
          titleKo: true,
          titleEn: true,
          items: { where: itemFilter(filter, viewerId), orderBy: { position: "asc" }, select: itemSelect },
        },
      },
    },
  });
  if (!release) throw new AppError("NOT_FOUND", "Release not found");
  return {
    eventSeq: release.eventSeq,
    sections: release.sections.map((section) => ({
      id: section.id,
      key: section.key,
      position: section.position,
      title: { ko: section.titleKo, en: section.titleEn },
      items: section.items.map(toItemDto),
    })),
  };
}

function itemFilter(filter: ChecklistFilter, viewerId: string): Prisma.ChecklistItemWhereInput {
  switch (filter) {
    case "mine":
      return { assigneeId: viewerId };
    case "blocked":
      return { status: "blocked" };
    case "overdue":
      return { dueAt: { lt: new Date() }, status: { notIn: ["done", "n_a"] } };
    case "all":
      return {};
  }
}
