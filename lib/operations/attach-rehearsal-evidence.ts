import { mutate, type Actor } from "@/lib/audit/mutate";
import type { AuthUser } from "@/lib/auth/session";
import { itemSelect, toItemDto } from "@/lib/checklist/item-dto";
import type { ChecklistItemDto } from "@/lib/checklist/checklist.validation";
import { AppError } from "@/lib/errors";
import type { evidenceItemKeys } from "./operations.validation";

export type EvidenceItemKey = (typeof evidenceItemKeys)[number];

// The seed asks for the rollback procedure and the blue/green scripts to be
// tested before launch. A successful cutover rehearsal AND a successful
// rollback rehearsal prove both; the chosen rehearsal becomes the items'
// evidence link. Whether the item is then done stays a person's call.
export async function attachRehearsalEvidence(
  actor: Actor,
  user: AuthUser,
  releaseId: string,
  operationId: string,
  itemKeys: readonly EvidenceItemKey[],
): Promise<ChecklistItemDto[]> {
  return mutate(actor, async ({ tx, audit }) => {
    const operation = await tx.operation.findFirst({ where: { id: operationId, releaseId }, select: { kind: true, status: true, rehearsal: true } });
    if (!operation) throw new AppError("NOT_FOUND", "Operation not found in this release");
    if (!operation.rehearsal || operation.status !== "succeeded" || operation.kind === "migration") {
      throw new AppError("PRECONDITION_FAILED", "Evidence must be a successful cutover or rollback rehearsal", {
        missing: [{ code: "NOT_A_SUCCESSFUL_REHEARSAL", message: `This operation is a ${operation.rehearsal ? "rehearsal" : "real"} ${operation.kind} that is ${operation.status}` }],
      });
    }
    const proven = await tx.operation.groupBy({
      by: ["kind"],
      where: { releaseId, rehearsal: true, status: "succeeded", kind: { in: ["cutover", "rollback"] } },
    });
    const missing = (["cutover", "rollback"] as const)
      .filter((kind) => !proven.some((row) => row.kind === kind))
      .map((kind) => ({ code: `NO_${kind.toUpperCase()}_REHEARSAL`, message: `No successful ${kind} rehearsal yet` }));
    if (missing.length > 0) throw new AppError("PRECONDITION_FAILED", `Rehearse both before attaching evidence: ${missing.map((m) => m.message).join("; ")}`, { missing });

    const evidenceUrl = operationLink(releaseId, operationId);
    const items: ChecklistItemDto[] = [];
    for (const key of itemKeys) {
      const current = await tx.checklistItem.findUnique({ where: { releaseId_key: { releaseId, key } }, select: itemSelect });
      if (!current) throw new AppError("NOT_FOUND", `The release has no checklist item "${key}"`);
      if (current.evidenceUrl === evidenceUrl) {
        items.push(toItemDto(current));
        continue;
      }
      const updated = await tx.checklistItem.update({
        where: { id: current.id },
        data: { evidenceUrl, updatedById: user.id, version: { increment: 1 } },
        select: itemSelect,
      });
      const item = toItemDto(updated);
      await audit({
        releaseId,
        action: "checklist.item.updated",
        subjectType: "ChecklistItem",
        subjectId: current.id,
        before: { evidenceUrl: current.evidenceUrl, version: current.version },
        after: { evidenceUrl, version: updated.version, rehearsalOperationId: operationId },
        live: { item },
      });
      items.push(item);
    }
    return items;
  });
}

// Absolute when the server knows its public address, so the link works
// wherever the checklist is read (exports, notifications).
function operationLink(releaseId: string, operationId: string): string {
  const path = `/releases/${releaseId}/control?operation=${operationId}`;
  const base = process.env.NEXTAUTH_URL;
  return base ? new URL(path, base).toString() : path;
}
