import type { Tx } from "@/lib/db/client";
import { gateRow } from "@/lib/template/create-release";
import { gaReleaseTemplate } from "@/lib/template/load-template";

// Releases created before gates existed get the template's gates. The GA
// template is the only one, so its gates are every release's defaults.
// Runs in the caller's transaction so the caller audits what it created;
// returns the keys it created (none when the release already has them all).
export async function ensureGates(tx: Tx, releaseId: string): Promise<string[]> {
  const existing = await tx.gate.findMany({ where: { releaseId }, select: { key: true } });
  const have = new Set(existing.map((gate) => gate.key));
  const missing = gaReleaseTemplate.gates.flatMap((gate, position) => (have.has(gate.key) ? [] : [gateRow(releaseId, gate, position)]));
  if (missing.length === 0) return [];
  // Another request may be adding the same gates; the unique (releaseId, key)
  // makes the later one skip them and report only what it created itself.
  const created = await tx.gate.createManyAndReturn({ data: missing, skipDuplicates: true, select: { key: true } });
  return created.map((gate) => gate.key);
}
