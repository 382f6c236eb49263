import nodemailer from "nodemailer";
import { emailBody, slackBody, type NotificationMessage } from "./messages";

const sendTimeoutMs = 10_000;

// A failure that retrying cannot fix (no URL configured, the receiver says
// the request itself is wrong): the delivery fails at once.
export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentDeliveryError";
  }
}

export async function sendSlack(webhookUrl: string | undefined, message: NotificationMessage): Promise<void> {
  if (!webhookUrl) throw new PermanentDeliveryError("No Slack webhook URL is set in the notification settings");
  await postWebhook(webhookUrl, JSON.stringify(slackBody(message)));
}

// POSTs a JSON body to a webhook (Slack-compatible or signed, see
// lib/announcements): network errors, timeouts and 408/429/5xx are worth a
// retry; any other 4xx is a PermanentDeliveryError.
export async function postWebhook(url: string, body: string, headers: Record<string, string> = {}): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
      signal: AbortSignal.timeout(sendTimeoutMs),
      // A redirect would resend the body somewhere the settings do not name.
      redirect: "error",
    });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    const reason = error instanceof Error && error.name === "TimeoutError" ? `no answer within ${sendTimeoutMs / 1000} s` : `${describe(error)}${cause}`;
    throw new Error(`Webhook unreachable (${reason})`);
  }
  if (response.ok) {
    await response.body?.cancel();
    return;
  }
  const text = (await response.text().catch(() => "")).slice(0, 200);
  const detail = `Webhook answered HTTP ${response.status}${text ? `: ${text}` : ""}`;
  // 408 and 429 say "later"; any other 4xx says the request will never work.
  if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
    throw new PermanentDeliveryError(detail);
  }
  throw new Error(detail);
}

export interface EmailTarget {
  smtpUrl: string | undefined;
  from: string | undefined;
  to: string[];
}

export async function sendEmail({ smtpUrl, from, to }: EmailTarget, message: NotificationMessage): Promise<void> {
  if (!smtpUrl) throw new PermanentDeliveryError("No SMTP URL is set in the notification settings");
  if (!from || to.length === 0) throw new PermanentDeliveryError("Email notifications need a sender and at least one recipient");
  await sendMail({ smtpUrl, from, to }, emailBody(message));
}

export interface MailContent {
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  // A stable id lets a receiving server recognise a message it already has.
  messageId?: string;
}

// One message over SMTP (nodemailer). 5xx answers and bad credentials are
// PermanentDeliveryErrors; 4xx and network errors may pass with a retry.
export async function sendMail({ smtpUrl, from, to }: { smtpUrl: string; from: string; to: string[] }, mail: MailContent): Promise<void> {
  const transport = nodemailer.createTransport(smtpUrl, {
    connectionTimeout: sendTimeoutMs,
    greetingTimeout: sendTimeoutMs,
    socketTimeout: sendTimeoutMs,
  });
  try {
    await transport.sendMail({ from, to, ...mail });
  } catch (error) {
    const code = smtpResponseCode(error);
    // 5xx from the server (unknown mailbox, refused sender) and bad
    // credentials do not improve with time; 4xx and network errors may.
    if ((code !== undefined && code >= 500) || errorCode(error) === "EAUTH") {
      throw new PermanentDeliveryError(`SMTP refused the message: ${describe(error)}`);
    }
    throw new Error(`SMTP delivery failed: ${describe(error)}`);
  } finally {
    transport.close();
  }
}

function smtpResponseCode(error: unknown): number | undefined {
  if (typeof error === "object" && error !== null && "responseCode" in error && typeof error.responseCode === "number") return error.responseCode;
  return undefined;
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error && typeof error.code === "string") return error.code;
  return undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
