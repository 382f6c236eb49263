import { prisma } from "@/lib/db/client";

// Operations some worker should be running but none is: running ones whose
// lease lapsed (their worker crashed or was killed), scheduled ones now due,
// and pending ones whose job was lost. The engine decides what each needs:
// a step cut off mid-run is repeated if it is safe to repeat, otherwise the
// operation is parked in needs_attention with the reason.
export async function findRunnableOperations(): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Operation"
     WHERE ("leaseUntil" IS NULL OR "leaseUntil" < now())
       AND ("status" IN ('running', 'pending') OR ("status" = 'scheduled' AND "scheduledAt" <= now()))
     ORDER BY "createdAt"
     LIMIT 100`;
  return rows.map((row) => row.id);
}
