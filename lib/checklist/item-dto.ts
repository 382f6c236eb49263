import type { ChecklistItemDto } from "./checklist.validation";

export const itemSelect = {
  id: true,
  sectionId: true,
  key: true,
  position: true,
  titleKo: true,
  titleEn: true,
  status: true,
  requiredForGoLive: true,
  dueAt: true,
  evidenceUrl: true,
  note: true,
  completedAt: true,
  updatedAt: true,
  version: true,
  assignee: { select: { id: true, name: true, email: true } },
  updatedBy: { select: { id: true, name: true } },
} as const;

export interface ItemRow {
  id: string;
  sectionId: string;
  key: string;
  position: number;
  titleKo: string;
  titleEn: string;
  status: ChecklistItemDto["status"];
  requiredForGoLive: boolean;
  dueAt: Date | null;
  evidenceUrl: string | null;
  note: string | null;
  completedAt: Date | null;
  updatedAt: Date;
  version: number;
  assignee: { id: string; name: string; email: string } | null;
  updatedBy: { id: string; name: string } | null;
}

export function toItemDto(row: ItemRow): ChecklistItemDto {
  return {
    id: row.id,
    sectionId: row.sectionId,
    key: row.key,
    position: row.position,
    title: { ko: row.titleKo, en: row.titleEn },
    status: row.status,
    requiredForGoLive: row.requiredForGoLive,
    assignee: row.assignee,
    dueAt: row.dueAt?.toISOString() ?? null,
    evidenceUrl: row.evidenceUrl,
    note: row.note,
    completedAt: row.completedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
    version: row.version,
  };
}
