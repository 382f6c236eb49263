import { prisma } from "@/lib/db/client";

// A worker owns an operation while its lease lasts and renews it while it
// runs. Times come from the database's clock, so workers on different hosts
// agree on when a lease has lapsed.
export const leaseMs = 10_000;
export const leaseRenewMs = 2_500;

// Takes the lease when the operation is runnable and nobody holds it (or it
// lapsed, or it is already ours). Scheduled operations only once due.
export async function acquireLease(operationId: string, owner: string): Promise<boolean> {
  const claimed = await prisma.$executeRaw`
    UPDATE "Operation"
       SET "leaseOwner" = ${owner}, "leaseUntil" = now() + make_interval(secs => ${leaseMs / 1000})
     WHERE "id" = ${operationId}::uuid
       AND ("status" IN ('pending', 'running') OR ("status" = 'scheduled' AND "scheduledAt" <= now()))
       AND ("leaseOwner" IS NULL OR "leaseUntil" IS NULL OR "leaseUntil" < now() OR "leaseOwner" = ${owner})`;
  return claimed === 1;
}

// False when the lease is no longer ours (another worker took it over after
// ours lapsed): the caller must stop touching the operation.
export async function renewLease(operationId: string, owner: string): Promise<boolean> {
  const renewed = await prisma.$executeRaw`
    UPDATE "Operation"
       SET "leaseUntil" = now() + make_interval(secs => ${leaseMs / 1000})
     WHERE "id" = ${operationId}::uuid AND "leaseOwner" = ${owner}`;
  return renewed === 1;
}

// Lets go of an operation that needs no more running (paused, parked,
// finished). Returns false while it is still runnable — it was resumed while
// this worker was winding down — so the caller keeps going instead of
// leaving a runnable operation that nobody holds.
export async function releaseIdleLease(operationId: string, owner: string): Promise<boolean> {
  const released = await prisma.$executeRaw`
    UPDATE "Operation" SET "leaseOwner" = NULL, "leaseUntil" = NULL
     WHERE "id" = ${operationId}::uuid AND "leaseOwner" = ${owner} AND "status" NOT IN ('pending', 'running')`;
  if (released === 1) return true;
  const current = await prisma.operation.findUnique({ where: { id: operationId }, select: { leaseOwner: true } });
  return current?.leaseOwner !== owner;
}

// On shutdown: hand a running operation back at once, so another worker's
// sweep resumes it without waiting for the lease to lapse.
export async function dropLease(operationId: string, owner: string): Promise<void> {
  await prisma.$executeRaw`
    UPDATE "Operation" SET "leaseOwner" = NULL, "leaseUntil" = NULL
     WHERE "id" = ${operationId}::uuid AND "leaseOwner" = ${owner}`;
}
