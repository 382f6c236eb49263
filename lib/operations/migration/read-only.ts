import type pg from "pg";
import { z } from "zod";
import type { StepContext, StepOutcome } from "@/lib/operations/steps/types";
import type { ResolvedMigrationConfig } from "./config";
import { currentDatabase, isReadOnly, messageOf, secretRedactor, setReadOnly, withTarget } from "./target";

const pollMs = 250;

const readOnlyCheckpoint = z.object({ switchedAt: z.string() });

// `ALTER DATABASE … SET default_transaction_read_only` only reaches sessions
// opened afterwards. A session opened before keeps writing — an idle pooled
// connection as much as one mid-transaction — so every such session is ended:
// idle ones at once (they hold nothing and reconnect read-only), the others
// when their transaction ends, and whatever is still open after
// readOnlyWaitMs is terminated, write transactions included. Each is logged.
export async function enableReadOnly(ctx: StepContext, { config, targetDatabaseUrl }: ResolvedMigrationConfig): Promise<StepOutcome> {
  const redact = secretRedactor(targetDatabaseUrl);
  try {
    return await withTarget(targetDatabaseUrl, async (client) => {
      const database = await currentDatabase(client);
      const earlier = readOnlyCheckpoint.safeParse(ctx.previousResult);
      // A repeat keeps the first switch time: sessions opened since then are
      // already read-only and need not be ended.
      const switchedAt = earlier.success ? earlier.data.switchedAt : await serverNow(client);
      await setReadOnly(client, true);
      await ctx.checkpoint({ switchedAt });
      await ctx.log("info", `Read-only mode on for new sessions of ${database}; ending sessions opened before it`);

      const ended = await endSessionsOpenedBefore(client, switchedAt, config.readOnlyWaitMs, ctx);
      if (ended === "interrupted") return { status: "failed", reason: "Interrupted while waiting for write transactions to finish" };
      return { status: "succeeded", result: { database, switchedAt, ...ended } };
    });
  } catch (error) {
    // Without the migration that follows, read-only mode protects nothing and
    // only stops the application, so a failed switch is undone.
    const undone = await resetReadOnly(targetDatabaseUrl);
    return { status: "failed", reason: `Could not switch the target to read-only: ${redact(messageOf(error))}; ${undone}` };
  }
}

// Sessions opened while the database was read-only keep that default after
// the reset, so they are ended the same way and reconnect able to write.
export async function disableReadOnly(ctx: StepContext, { config, targetDatabaseUrl }: ResolvedMigrationConfig): Promise<StepOutcome> {
  const redact = secretRedactor(targetDatabaseUrl);
  try {
    return await withTarget(targetDatabaseUrl, async (client) => {
      const database = await currentDatabase(client);
      const wasOn = await isReadOnly(client);
      await setReadOnly(client, false);
      if (!wasOn) {
        await ctx.log("info", `Read-only mode was already off for ${database}`);
        return { status: "succeeded", result: { database, wasOn } };
      }
      const resetAt = await serverNow(client);
      await ctx.log("info", `Read-only mode off for ${database}; ending sessions opened while it was on`);
      const ended = await endSessionsOpenedBefore(client, resetAt, config.readOnlyWaitMs, ctx);
      if (ended === "interrupted") return { status: "failed", reason: "Interrupted while ending read-only sessions (read-only mode is off)" };
      return { status: "succeeded", result: { database, wasOn, ...ended } };
    });
  } catch (error) {
    return { status: "failed", reason: `Could not turn read-only mode off: ${redact(messageOf(error))}` };
  }
}

// Used after a failure to leave the target writable; says what happened.
export async function resetReadOnly(targetDatabaseUrl: string): Promise<string> {
  try {
    await withTarget(targetDatabaseUrl, (client) => setReadOnly(client, false));
    return "read-only mode was turned off again";
  } catch (error) {
    return `turning read-only mode off again failed too (${secretRedactor(targetDatabaseUrl)(messageOf(error))}); turn it off from the Control page`;
  }
}

interface SessionRow {
  pid: number;
  usename: string | null;
  application_name: string;
  client_addr: string | null;
  state: string | null;
  writing: boolean;
}

export interface EndedSessions {
  endedIdle: number;
  endedAtDeadline: number;
  endedWriting: number;
}

async function endSessionsOpenedBefore(
  client: pg.Client,
  cutoff: string,
  waitMs: number,
  ctx: StepContext,
): Promise<EndedSessions | "interrupted"> {
  const counts: EndedSessions = { endedIdle: 0, endedAtDeadline: 0, endedWriting: 0 };
  const deadline = Date.now() + waitMs;
  for (;;) {
    const sessions = await sessionsOpenedBefore(client, cutoff);
    const pastDeadline = Date.now() >= deadline;
    const waiting: SessionRow[] = [];
    const endedIdle: string[] = [];
    for (const session of sessions) {
      if (session.state === "idle") {
        if (await terminate(client, session)) endedIdle.push(describe(session));
      } else if (pastDeadline) {
        if (await terminate(client, session)) {
          counts.endedAtDeadline += 1;
          if (session.writing) counts.endedWriting += 1;
          await ctx.log("warn", `Terminated ${describe(session)} after ${Math.round(waitMs / 1000)} s${session.writing ? " (it held an open write transaction)" : ""}`);
        }
      } else {
        waiting.push(session);
      }
    }
    if (endedIdle.length > 0) {
      counts.endedIdle += endedIdle.length;
      await ctx.log("info", `Ended idle ${endedIdle.join("; ")}`);
    }
    if (waiting.length === 0) return counts;
    if (ctx.signal.aborted) return "interrupted";
    await sleep(pollMs, ctx.signal);
  }
}

async function sessionsOpenedBefore(client: pg.Client, cutoff: string): Promise<SessionRow[]> {
  const { rows } = await client.query<SessionRow>(
    `SELECT pid, usename, application_name, client_addr::text AS client_addr, state, backend_xid IS NOT NULL AS writing
     FROM pg_stat_activity
     WHERE datname = current_database() AND pid <> pg_backend_pid()
       AND backend_type = 'client backend' AND backend_start < $1::timestamptz`,
    [cutoff],
  );
  return rows;
}

async function terminate(client: pg.Client, session: SessionRow): Promise<boolean> {
  const { rows } = await client.query<{ ok: boolean | null }>("SELECT pg_terminate_backend($1) AS ok", [session.pid]);
  // false: the session ended by itself in the meantime.
  return rows[0]?.ok === true;
}

function describe(session: SessionRow): string {
  const who = [session.usename, session.application_name || null, session.client_addr].filter(Boolean).join(", ");
  return `session ${session.pid} (${who || "unknown client"}, ${session.state ?? "unknown state"})`;
}

async function serverNow(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ now: string }>("SELECT clock_timestamp()::text AS now");
  const now = rows[0]?.now;
  if (!now) throw new Error("The target did not report its time");
  return now;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });
}
