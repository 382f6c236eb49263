import { randomUUID } from "node:crypto";
import type { AuthUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { decideGate } from "@/lib/gates/decide-gate";
import { requestGate } from "@/lib/gates/request-gate";
import { cutoverSettingKey } from "@/lib/operations/preconditions";
import type { TestUser } from "./api-fixtures";

// Helpers for operation tests: a release ready for its cutover, settings,
// and waiting on what a worker does in the background.

export function asAuthUser(user: TestUser): AuthUser {
  return { id: user.id, email: user.email, name: `${user.role} tester`, role: user.role, via: "token" };
}

export function actorOf(user: TestUser) {
  return { userId: user.id, label: user.email, via: "api" } as const;
}

export async function completeRequiredItems(releaseId: string): Promise<void> {
  await prisma.checklistItem.updateMany({ where: { releaseId, requiredForGoLive: true }, data: { status: "done", completedAt: new Date() } });
}

// Requests the gate and approves it through the gates module, with as many
// approvers as given (none of them the requester: four eyes).
export async function approveGate(releaseId: string, gateKey: string, requester: TestUser, approvers: readonly TestUser[]): Promise<void> {
  const { id } = await prisma.gate.findUniqueOrThrow({ where: { releaseId_key: { releaseId, key: gateKey } }, select: { id: true } });
  await requestGate(actorOf(requester), asAuthUser(requester), releaseId, id);
  for (const approver of approvers) {
    const gate = await prisma.gate.findUniqueOrThrow({ where: { releaseId_key: { releaseId, key: gateKey } }, select: { id: true, version: true } });
    await decideGate(actorOf(approver), asAuthUser(approver), releaseId, gate.id, { kind: "approve", version: gate.version });
  }
}

export async function revokeApproval(releaseId: string, gateKey: string, approver: TestUser): Promise<void> {
  const gate = await prisma.gate.findUniqueOrThrow({ where: { releaseId_key: { releaseId, key: gateKey } }, select: { id: true, version: true } });
  await decideGate(actorOf(approver), asAuthUser(approver), releaseId, gate.id, { kind: "revoke", version: gate.version });
}

export async function setCutoverSettings(releaseId: string, settings: { steps: number[]; bakeSeconds: number }): Promise<void> {
  const value = settings satisfies Prisma.InputJsonValue;
  await prisma.releaseSetting.upsert({
    where: { releaseId_key: { releaseId, key: cutoverSettingKey } },
    create: { releaseId, key: cutoverSettingKey, settings: value },
    update: { settings: value },
  });
}

// Operation tests that run a cutover without a metrics source: the
// release's rollback criteria are still judged and recorded, but as dry runs
// they cannot pause or abort it for want of samples.
export async function judgeCriteriaAsDryRun(releaseId: string): Promise<void> {
  await prisma.criterion.updateMany({ where: { releaseId, kind: "rollback" }, data: { dryRun: true } });
}

export function newKey(): string {
  return `test-${randomUUID()}`;
}

// Polls until `probe` returns a value (not null/undefined/false).
export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null && value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function operationRow(operationId: string) {
  return prisma.operation.findUniqueOrThrow({ where: { id: operationId }, include: { steps: { orderBy: { position: "asc" } } } });
}

export async function waitForStatus(operationId: string, status: string, timeoutMs?: number) {
  return waitFor(
    `operation ${operationId} to be ${status}`,
    async () => {
      const op = await operationRow(operationId);
      return op.status === status ? op : null;
    },
    timeoutMs,
  );
}

// Waits until the step at `position` is running and returns the operation.
export async function waitForRunningStep(operationId: string, position: number, timeoutMs?: number) {
  return waitFor(
    `step ${position} of ${operationId} to run`,
    async () => {
      const op = await operationRow(operationId);
      return op.steps[position]?.status === "running" ? op : null;
    },
    timeoutMs,
  );
}
