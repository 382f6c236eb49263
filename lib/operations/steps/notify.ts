import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { notificationEvents } from "@/lib/notifications/config";
import { notify } from "@/lib/notifications/notify";
import type { StepDefinition } from "./types";

const paramsSchema = z.strictObject({ event: z.enum(notificationEvents) });

// Queues the notice for every configured channel (the worker delivers it
// with retries). Safe to repeat: a notice already queued for this operation
// and event is not queued twice. A notice that cannot be queued is logged,
// never fatal — the rollback must go on.
export const notifyStep: StepDefinition = {
  kind: "notify",
  safeToRepeat: true,
  async run(ctx) {
    const { event } = paramsSchema.parse(ctx.params);
    const operation = await prisma.operation.findUniqueOrThrow({ where: { id: ctx.operationId }, select: { kind: true } });
    const queued = await prisma.notificationDelivery.count({
      where: { releaseId: ctx.releaseId, event, payload: { path: ["data", "operationId"], equals: ctx.operationId } },
    });
    if (queued > 0) {
      await ctx.log("info", `notice "${event}" was already queued`);
      return { status: "succeeded", result: { event, deliveries: queued } };
    }
    try {
      const deliveries = await prisma.$transaction((tx) =>
        notify(tx, ctx.releaseId, event, { operationId: ctx.operationId, kind: operation.kind, rehearsal: ctx.rehearsal }),
      );
      await ctx.log("info", deliveries > 0 ? `notice "${event}" queued for ${deliveries} channel(s)` : `no notification channel is configured for "${event}"`);
      return { status: "succeeded", result: { event, deliveries } };
    } catch (error) {
      await ctx.log("warn", `notice "${event}" could not be queued: ${error instanceof Error ? error.message : String(error)}`);
      return { status: "succeeded", result: { event, deliveries: 0 } };
    }
  },
};
