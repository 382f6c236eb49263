import { mutate } from "@/lib/audit/mutate";
import { prisma } from "@/lib/db/client";
import { describeError } from "@/lib/operations/operation-state";

// Runs every synthetic check whose interval has passed, for releases not yet
// finished. A check is claimed by setting its lastRunAt in one UPDATE, so
// workers in several processes never run the same check twice in a round.
// A change between passing and failing is audited (and so reaches every
// open browser); results in between only update the row.

const maxTimeoutMs = 10_000;
const maxBodyBytes = 1_000_000;

interface ClaimedCheck {
  id: string;
  releaseId: string;
  key: string;
  name: string;
  url: string;
  expectStatus: number;
  expectBody: string | null;
  intervalSec: number;
  lastOk: boolean | null;
}

export interface CheckOutcome {
  ok: boolean;
  detail: string;
}

export async function runDueSyntheticChecks(): Promise<number> {
  const claimed = await prisma.$queryRaw<ClaimedCheck[]>`
    UPDATE "SyntheticCheck" AS c SET "lastRunAt" = now()
      FROM "Release" AS r
     WHERE c."releaseId" = r."id" AND r."status" IN ('planned', 'in_progress', 'live')
       AND (c."lastRunAt" IS NULL OR c."lastRunAt" <= now() - make_interval(secs => c."intervalSec"))
    RETURNING c."id", c."releaseId", c."key", c."name", c."url", c."expectStatus", c."expectBody", c."intervalSec", c."lastOk"`;
  await Promise.all(claimed.map((check) => runClaimed(check)));
  return claimed.length;
}

async function runClaimed(check: ClaimedCheck): Promise<void> {
  const outcome = await probe(check.url, check.expectStatus, check.expectBody, Math.min(maxTimeoutMs, check.intervalSec * 1000));
  const changed = check.lastOk !== outcome.ok;
  await mutate({ userId: null, label: "synthetic checks", via: "system" }, async ({ tx, audit }) => {
    const { count } = await tx.syntheticCheck.updateMany({ where: { id: check.id }, data: { lastOk: outcome.ok, lastDetail: outcome.detail } });
    if (count === 0 || !changed) return;
    await audit({
      releaseId: check.releaseId,
      action: outcome.ok ? "synthetic_check.passed" : "synthetic_check.failed",
      subjectType: "SyntheticCheck",
      subjectId: check.id,
      before: { ok: check.lastOk },
      after: { key: check.key, name: check.name, ok: outcome.ok, detail: outcome.detail },
    });
  });
}

// GET the URL (no redirects followed: a redirect is an answer to check),
// then the status, then the body text.
export async function probe(url: string, expectStatus: number, expectBody: string | null, timeoutMs: number): Promise<CheckOutcome> {
  const started = Date.now();
  try {
    const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(timeoutMs), headers: { "user-agent": "launch-control-synthetic-check" } });
    const body = expectBody === null ? "" : await readText(response);
    if (expectBody === null) await response.body?.cancel();
    const took = `${Date.now() - started} ms`;
    if (response.status !== expectStatus) return { ok: false, detail: `HTTP ${response.status}, expected ${expectStatus} (${took})` };
    if (expectBody !== null && !body.includes(expectBody)) return { ok: false, detail: `HTTP ${response.status} but the body lacks "${expectBody}" (${took})` };
    return { ok: true, detail: `HTTP ${response.status} in ${took}` };
  } catch (error) {
    if (error instanceof DOMException && error.name === "TimeoutError") return { ok: false, detail: `no answer within ${timeoutMs} ms` };
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return { ok: false, detail: `request failed: ${describeError(error)}${cause}` };
  }
}

// At most maxBodyBytes of the body: the expected text is near the top of any
// sane health page, and a huge or endless body must not hold the worker.
async function readText(response: Response): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < maxBodyBytes) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel();
  return new TextDecoder().decode(Buffer.concat(chunks)).slice(0, maxBodyBytes);
}
