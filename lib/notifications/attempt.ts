import { PermanentDeliveryError } from "./channels";

// The retry policy shared by release notifications and announcements.
export const maxDeliveryAttempts = 6;
const firstRetryMs = 5_000;

// Wait before attempt n+1 after n failed attempts: 5 s, 10 s, 20 s, 40 s, 80 s.
export function retryDelayMs(failedAttempts: number): number {
  return firstRetryMs * 2 ** (failedAttempts - 1);
}

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
}

export type AttemptUpdate =
  | { status: "sent"; sentAt: Date; attempts: number; lastError: null }
  | { status: "failed"; attempts: number; lastError: string }
  | { attempts: number; lastError: string; nextAttemptAt: Date };

// One attempt at a queued delivery: send, then record sent, a retry with
// backoff, or — after the last try or a permanent error — failed. `send`
// hands over the redactor for its channel's secrets as soon as it has one,
// so an error message never stores a webhook token or SMTP password.
export async function attemptDelivery(args: {
  attempts: number;
  now: Date;
  what: string;
  send: (useRedactor: (redact: (text: string) => string) => void) => Promise<void>;
  record: (update: AttemptUpdate) => Promise<void>;
  report: DeliveryReport;
  log: (message: string) => void;
}): Promise<void> {
  let redact = (text: string) => text;
  try {
    await args.send((redactor) => {
      redact = redactor;
    });
    await args.record({ status: "sent", sentAt: new Date(), attempts: args.attempts, lastError: null });
    args.report.sent += 1;
  } catch (error) {
    const lastError = redact(error instanceof Error ? error.message : String(error)).slice(0, 1000);
    const giveUp = error instanceof PermanentDeliveryError || args.attempts >= maxDeliveryAttempts;
    const nextAttemptAt = new Date(args.now.getTime() + retryDelayMs(args.attempts));
    await args.record(giveUp ? { status: "failed", attempts: args.attempts, lastError } : { attempts: args.attempts, lastError, nextAttemptAt });
    if (giveUp) args.report.failed += 1;
    else args.report.retrying += 1;
    args.log(giveUp ? `${args.what} failed, giving up: ${lastError}` : `${args.what} failed, retrying at ${nextAttemptAt.toISOString()}: ${lastError}`);
  }
}
