import { mutate, type Actor, type MutationContext } from "@/lib/audit/mutate";
import type { Tx } from "@/lib/db/client";
import { audienceOf, channelOf } from "./announcement-dto";
import type { AnnouncementAudience, AnnouncementChannel } from "./announcements.validation";
import { missedAfterMs } from "./conflicts";
import { deliverDueAnnouncementDeliveries } from "./deliver-announcements";
import { tellOwner } from "./tell-owner";
import { loadTransport, planTargets, settingsProblem, type AnnouncementTransport } from "./transport";

const systemActor: Actor = { userId: null, label: "system", via: "system" };

export interface DispatchOptions {
  batchSize?: number;
  log?: (message: string) => void;
}

export interface DispatchReport {
  started: number;
  held: number;
  sent: number;
  retrying: number;
  failed: number;
}

interface DueRow {
  id: string;
  releaseId: string;
  title: string;
  channel: AnnouncementChannel;
  audience: AnnouncementAudience;
  locale: string;
  condition: string | null;
  recipients: string[];
  status: string;
  version: number;
  owner: { name: string; email: string } | null;
}

// One pass of the announcement worker: announcements that came due are
// checked (condition, where they would go) and either held with the reason or
// turned into one delivery per target; then due deliveries are sent, retried
// with backoff, and each announcement settles as sent or failed when its last
// delivery does. Safe to run in several processes at once and twice in a row:
// announcements and deliveries are claimed with FOR UPDATE SKIP LOCKED, a
// delivery exists once per announcement and target (idempotency key), and a
// delivery already sent is never sent again.
export async function dispatchDueAnnouncements(now: Date = new Date(), opts: DispatchOptions = {}): Promise<DispatchReport> {
  const log = opts.log ?? ((message: string) => console.warn(message));
  const batchSize = opts.batchSize ?? 10;
  const report: DispatchReport = { started: 0, held: 0, sent: 0, retrying: 0, failed: 0 };
  const transports = new Map<string, Promise<AnnouncementTransport>>();
  const transportFor = (releaseId: string) => {
    let transport = transports.get(releaseId);
    if (!transport) transports.set(releaseId, (transport = loadTransport(releaseId)));
    return transport;
  };

  for (let i = 0; i < batchSize; i++) {
    const outcome = await startNextDue(now, transportFor).catch((error: unknown) => {
      log(`announcement dispatch failed: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    });
    if (outcome === null) break;
    if (outcome === "held") report.held += 1;
    else report.started += 1;
  }

  const delivered = await deliverDueAnnouncementDeliveries(now, { batchSize: batchSize * 2, log, transportFor, settle: settleAnnouncement });
  report.sent += delivered.sent;
  report.retrying += delivered.retrying;
  report.failed += delivered.failed;
  return report;
}

// Claims the earliest due announcement and starts it, in one transaction
// holding its row lock. Null when nothing is due. Announcements more than
// `missedAfterMs` late are left alone (the calendar flags them as missed):
// a "launching in three days" mail must not go out a week late because the
// server was down.
async function startNextDue(now: Date, transportFor: (releaseId: string) => Promise<AnnouncementTransport>): Promise<"held" | "started" | null> {
  return mutate(systemActor, async (ctx) => {
    const { tx } = ctx;
    const claimed = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Announcement"
      WHERE "status" = 'scheduled'
        AND "scheduledAt" <= ${now}::timestamptz
        AND "scheduledAt" > ${new Date(now.getTime() - missedAfterMs)}::timestamptz
      ORDER BY "scheduledAt"
      LIMIT 1
      FOR UPDATE SKIP LOCKED`;
    const id = claimed[0]?.id;
    if (!id) return null;
    const raw = await tx.announcement.findUniqueOrThrow({
      where: { id },
      select: {
        id: true,
        releaseId: true,
        title: true,
        channel: true,
        audience: true,
        locale: true,
        condition: true,
        recipients: true,
        status: true,
        version: true,
        owner: { select: { name: true, email: true } },
      },
    });
    const row: DueRow = { ...raw, channel: channelOf(raw.channel), audience: audienceOf(raw.audience) };

    const conditionProblem = await checkCondition(tx, row.releaseId, row.condition);
    if (conditionProblem) {
      await hold(ctx, row, conditionProblem);
      return "held";
    }
    let transport: AnnouncementTransport;
    try {
      transport = await transportFor(row.releaseId);
    } catch (error) {
      const problem = settingsProblem(error);
      if (!problem) throw error;
      await hold(ctx, row, problem);
      return "held";
    }
    const plan = planTargets(transport, row);
    if ("problem" in plan) {
      await hold(ctx, row, plan.problem);
      return "held";
    }

    if (plan.targets.length === 0) {
      await tx.announcement.update({ where: { id }, data: { status: "sent", sentAt: new Date(), heldReason: null, version: { increment: 1 } } });
      await ctx.audit({ releaseId: row.releaseId, action: "announcement.sent", subjectType: "Announcement", subjectId: id, before: { status: row.status }, after: { status: "sent", deliveries: 0 } });
      return "started";
    }
    // Sent before (a retry after `failed`, or a second dispatch): sent rows
    // stay sent and are skipped; failed ones get a fresh set of attempts.
    await tx.announcementDelivery.updateMany({
      where: { announcementId: id, status: "failed" },
      data: { status: "pending", attempts: 0, nextAttemptAt: now, lastError: null },
    });
    await tx.announcementDelivery.createMany({
      data: plan.targets.map((target) => ({ announcementId: id, channel: row.channel, target, nextAttemptAt: now, idempotencyKey: `${id}:${target}` })),
      skipDuplicates: true,
    });
    const pending = await tx.announcementDelivery.count({ where: { announcementId: id, status: "pending" } });
    await tx.announcement.update({ where: { id }, data: { status: "sending", heldReason: null, version: { increment: 1 } } });
    await ctx.audit({
      releaseId: row.releaseId,
      action: "announcement.sending",
      subjectType: "Announcement",
      subjectId: id,
      before: { status: row.status },
      after: { status: "sending", targets: plan.targets.length },
    });
    // Every target was reached in an earlier dispatch: nothing left to send.
    if (pending === 0) await settleInTransaction(ctx, id);
    return "started";
  });
}

async function checkCondition(tx: Tx, releaseId: string, condition: string | null): Promise<string | null> {
  if (!condition) return null;
  const release = await tx.release.findUniqueOrThrow({ where: { id: releaseId }, select: { status: true } });
  if (condition === "while_live") {
    return release.status === "live" ? null : `Only sent while the release is live; it is ${release.status.replace("_", " ")}`;
  }
  if (condition === "after_cutover_succeeded") {
    if (release.status === "rolled_back") return "Only sent after a successful cutover, and the release was rolled back";
    const cutover = await tx.operation.findFirst({ where: { releaseId, kind: "cutover", rehearsal: false, status: "succeeded" }, select: { id: true } });
    return cutover ? null : "Only sent after a successful cutover, and the cutover has not succeeded";
  }
  return `Unknown condition "${condition}"`;
}

async function hold(ctx: MutationContext, row: DueRow, reason: string): Promise<void> {
  await ctx.tx.announcement.update({ where: { id: row.id }, data: { status: "held", heldReason: reason, version: { increment: 1 } } });
  await ctx.audit({
    releaseId: row.releaseId,
    action: "announcement.held",
    subjectType: "Announcement",
    subjectId: row.id,
    before: { status: row.status, version: row.version },
    after: { status: "held", heldReason: reason, condition: row.condition, version: row.version + 1 },
  });
  await tellOwner(ctx.tx, { ...row, announcementId: row.id, outcome: "held", reason });
}

// Called after a delivery's outcome is stored. Under the announcement's row
// lock, so of two workers finishing its last deliveries together exactly one
// sees none pending and settles it.
async function settleAnnouncement(announcementId: string): Promise<void> {
  await mutate(systemActor, (ctx) => settleInTransaction(ctx, announcementId));
}

async function settleInTransaction(ctx: MutationContext, announcementId: string): Promise<void> {
  const { tx } = ctx;
  const locked = await tx.$queryRaw<{ status: string }[]>`SELECT "status" FROM "Announcement" WHERE "id" = ${announcementId}::uuid FOR UPDATE`;
  if (locked[0]?.status !== "sending") return;
  const deliveries = await tx.announcementDelivery.findMany({ where: { announcementId }, select: { status: true, target: true, lastError: true } });
  if (deliveries.some((delivery) => delivery.status === "pending")) return;
  const failed = deliveries.filter((delivery) => delivery.status === "failed");
  const row = await tx.announcement.findUniqueOrThrow({
    where: { id: announcementId },
    select: { releaseId: true, title: true, channel: true, locale: true, version: true, owner: { select: { name: true, email: true } } },
  });
  if (failed.length === 0) {
    await tx.announcement.update({ where: { id: announcementId }, data: { status: "sent", sentAt: new Date(), version: { increment: 1 } } });
    await ctx.audit({ releaseId: row.releaseId, action: "announcement.sent", subjectType: "Announcement", subjectId: announcementId, before: { status: "sending" }, after: { status: "sent", deliveries: deliveries.length } });
    return;
  }
  const reason = `${failed.length} of ${deliveries.length} deliveries failed (${failed[0]?.target}: ${failed[0]?.lastError ?? "unknown error"})`;
  await tx.announcement.update({ where: { id: announcementId }, data: { status: "failed", version: { increment: 1 } } });
  await ctx.audit({
    releaseId: row.releaseId,
    action: "announcement.failed",
    subjectType: "Announcement",
    subjectId: announcementId,
    before: { status: "sending" },
    after: { status: "failed", failed: failed.map((delivery) => delivery.target), deliveries: deliveries.length },
  });
  await tellOwner(tx, { releaseId: row.releaseId, announcementId, title: row.title, channel: row.channel, locale: row.locale, owner: row.owner, outcome: "failed", reason });
}
