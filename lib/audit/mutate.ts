import { prisma, type Tx } from "@/lib/db/client";
import { publishReleaseEvents, type ReleaseEvent } from "@/lib/events/bus";
import { afterResponse } from "@/lib/http/after-response";
import { recordEvent, type Actor, type AuditInput } from "./record-event";

export interface MutationContext {
  tx: Tx;
  // Records an audit event in this transaction; its live event is published
  // only after the transaction commits.
  audit(input: AuditInput): Promise<void>;
}

// The one path for every change: run `work` in a transaction that also writes
// its audit events, then publish them to the release rooms once committed.
export async function mutate<T>(actor: Actor, work: (ctx: MutationContext) => Promise<T>): Promise<T> {
  const pending: ReleaseEvent[] = [];
  const result = await prisma.$transaction(async (tx) => {
    const ctx: MutationContext = {
      tx,
      async audit(input) {
        const event = await recordEvent(tx, actor, input);
        if (event) pending.push(event);
      },
    };
    return work(ctx);
  });
  // Fanning out to every viewer costs CPU in proportion to the audience; it
  // waits until the caller's HTTP answer is written. Events keep their order.
  if (pending.length > 0) afterResponse(() => publishReleaseEvents(pending));
  return result;
}

export type { Actor, AuditInput };
