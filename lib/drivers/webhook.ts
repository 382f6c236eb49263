import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { WebhookDriverConfig } from "./config";
import { describeIssues, environmentHealthSchema, reportedStateSchema, toTrafficState } from "./reported-state";
import { redact } from "./run-process";
import { assertGreenPercent } from "./split";
import { DriverError, type DriverLog, type Environment, type EnvironmentHealth, type TrafficDriver, type TrafficState } from "./types";

// The team's pipeline moves traffic behind an HTTPS endpoint. Each call is a
// signed JSON POST; the JSON answer reports the state (or health) the
// pipeline sees. The signature covers the timestamp too, so a captured
// request cannot be replayed later (receivers reject old timestamps).

export const signatureHeader = "X-Launch-Control-Signature";
export const timestampHeader = "X-Launch-Control-Timestamp";
const RESPONSE_EXCERPT = 500;

export type WebhookAction = "set_split" | "read_state" | "health_check";

export interface WebhookRequestBody {
  action: WebhookAction;
  releaseId: string;
  greenPercent?: number;
  environment?: Environment;
}

// `sha256=<hex>` of HMAC-SHA256 over "<timestamp>.<body>".
export function signWebhookBody(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

// For receivers (and our tests): constant-time comparison, bounded clock skew.
export function verifyWebhookSignature(
  secret: string,
  headers: { signature: string | null | undefined; timestamp: string | null | undefined },
  body: string,
  options: { toleranceSeconds?: number; now?: number } = {},
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!headers.signature || !Number.isInteger(timestamp)) return false;
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhookBody(secret, timestamp, body));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export class WebhookDriver implements TrafficDriver {
  readonly kind = "webhook" as const;
  private readonly signingSecret: string;

  constructor(
    private readonly config: WebhookDriverConfig,
    secrets: Record<string, string>,
    private readonly context: { releaseId: string },
  ) {
    const secret = secrets.signingSecret;
    if (!secret) throw new DriverError("The webhook driver's signingSecret is not set");
    this.signingSecret = secret;
  }

  async readState(log: DriverLog): Promise<TrafficState> {
    return this.stateFrom(await this.post({ action: "read_state", releaseId: this.context.releaseId }, log), log);
  }

  async setSplit(greenPercent: number, log: DriverLog): Promise<TrafficState> {
    assertGreenPercent(greenPercent);
    const state = await this.stateFrom(await this.post({ action: "set_split", greenPercent, releaseId: this.context.releaseId }, log), log);
    if (Math.abs(state.greenPercent - greenPercent) > 0.5) {
      throw new DriverError(`The webhook reports green ${state.greenPercent} % after setting ${greenPercent} %`, {
        expected: greenPercent,
        reported: state.greenPercent,
      });
    }
    return state;
  }

  async healthCheck(environment: Environment, log: DriverLog): Promise<EnvironmentHealth> {
    const answer = await this.post({ action: "health_check", environment, releaseId: this.context.releaseId }, log);
    const parsed = environmentHealthSchema.safeParse(answer);
    if (!parsed.success) throw new DriverError(`The webhook's health answer is not {healthy, detail} (${describeIssues(parsed.error)})`);
    return parsed.data;
  }

  private async stateFrom(answer: unknown, log: DriverLog): Promise<TrafficState> {
    const parsed = reportedStateSchema.safeParse(answer);
    if (!parsed.success) throw new DriverError(`The webhook's answer is not a traffic state (${describeIssues(parsed.error)})`, { issues: parsed.error.issues });
    return toTrafficState(parsed.data, (environment) => this.healthCheck(environment, log));
  }

  private async post(payload: WebhookRequestBody, log: DriverLog): Promise<unknown> {
    const body = JSON.stringify(payload);
    const timestamp = Math.floor(Date.now() / 1000);
    const target = safeUrl(this.config.url);
    log("info", `POST ${target} ${payload.action}${payload.greenPercent === undefined ? "" : ` ${payload.greenPercent} %`}${payload.environment ? ` ${payload.environment}` : ""}`);
    let response: Response;
    try {
      response = await fetch(this.config.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          [timestampHeader]: String(timestamp),
          [signatureHeader]: signWebhookBody(this.signingSecret, timestamp, body),
        },
        body,
        redirect: "error",
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
    } catch (error) {
      throw new DriverError(`Webhook ${target} ${describeFetchError(error, this.config.timeoutMs)}`, { url: target });
    }
    const text = redact(await response.text().catch(() => ""), [this.signingSecret]);
    if (!response.ok) {
      throw new DriverError(`Webhook ${target} answered ${response.status}: ${text.slice(0, RESPONSE_EXCERPT) || "(empty)"}`, { status: response.status });
    }
    log("info", `webhook answered ${response.status}: ${text.slice(0, RESPONSE_EXCERPT)}`);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new DriverError(`Webhook ${target} answered ${response.status} without JSON: ${text.slice(0, 200) || "(empty)"}`);
    }
  }
}

// Credentials in a URL (user:pass@, ?token=) stay out of logs and errors.
function safeUrl(url: string): string {
  const parsed = new URL(url);
  parsed.username = "";
  parsed.password = "";
  parsed.search = parsed.search ? "?…" : "";
  return parsed.toString();
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return `did not answer within ${timeoutMs} ms`;
  const cause: unknown = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error) return `is unreachable: ${(cause as NodeJS.ErrnoException).code ?? cause.message}`;
  return `is unreachable: ${error instanceof Error ? error.message : String(error)}`;
}
