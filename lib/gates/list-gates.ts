import { mutate, type Actor } from "@/lib/audit/mutate";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { gaReleaseTemplate } from "@/lib/template/load-template";
import { ensureGates } from "./ensure-gates";
import type { GateDto } from "./gates.validation";
import { loadGates } from "./gate-view";

const systemActor: Actor = { userId: null, label: "system", via: "system" };

export async function listGates(releaseId: string): Promise<GateDto[]> {
  const release = await prisma.release.findUnique({ where: { id: releaseId }, select: { id: true } });
  if (!release) throw new AppError("NOT_FOUND", "Release not found");
  let gates = await loadGates(releaseId);
  const keys = new Set(gates.map((gate) => gate.row.key));
  if (gaReleaseTemplate.gates.some((gate) => !keys.has(gate.key))) {
    await addMissingGates(releaseId);
    gates = await loadGates(releaseId);
  }
  return gates.map((gate) => gate.dto);
}

// First read of a release that predates gates: create them once, on the
// record like any other change.
async function addMissingGates(releaseId: string): Promise<void> {
  await mutate(systemActor, async ({ tx, audit }) => {
    const created = await ensureGates(tx, releaseId);
    if (created.length === 0) return;
    await audit({ releaseId, action: "gate.created", subjectType: "Release", subjectId: releaseId, after: { gates: created } });
  });
}
