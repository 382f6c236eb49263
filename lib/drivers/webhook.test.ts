import { createServer, type IncomingMessage, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookDriverConfig } from "./config";
import { signatureHeader, signWebhookBody, timestampHeader, verifyWebhookSignature, WebhookDriver } from "./webhook";
import { DriverError } from "./types";

const secret = "whsec-7d1c2b-signing-key";

describe("webhook signatures", () => {
  it("signs timestamp and body with HMAC-SHA256 as sha256=<hex>", () => {
    // Known answer: printf '%s' '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec-7d1c2b-signing-key
    expect(signWebhookBody(secret, 1_700_000_000, '{"a":1}')).toBe("sha256=262bb16ed1a0b9c2db2f6be5bcd4feab648136ff8c7b36ec7bd8785e23d5e08f");
  });

  it("verifies a fresh signature and refuses a changed body, another key or an old timestamp", () => {
    const now = 1_700_000_000_000;
    const timestamp = String(now / 1000);
    const body = '{"action":"set_split","greenPercent":25}';
    const signature = signWebhookBody(secret, now / 1000, body);
    expect(verifyWebhookSignature(secret, { signature, timestamp }, body, { now })).toBe(true);
    expect(verifyWebhookSignature(secret, { signature, timestamp }, body.replace("25", "100"), { now })).toBe(false);
    expect(verifyWebhookSignature("another-key", { signature, timestamp }, body, { now })).toBe(false);
    expect(verifyWebhookSignature(secret, { signature, timestamp }, body, { now: now + 301_000 })).toBe(false);
    expect(verifyWebhookSignature(secret, { signature: null, timestamp }, body, { now })).toBe(false);
  });
});

describe("WebhookDriver against a local receiver", () => {
  let server: Server;
  let url: string;
  const received: { body: Record<string, unknown>; signed: boolean }[] = [];
  let weights = { blue: 100, green: 0 };
  let answerWith: { status: number; body: string } | null = null;
  const log = (level: string, message: string) => void logs.push(`${level} ${message}`);
  const logs: string[] = [];

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  }

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      const raw = await readBody(req);
      const signed = verifyWebhookSignature(secret, { signature: req.headers[signatureHeader.toLowerCase()] as string, timestamp: req.headers[timestampHeader.toLowerCase()] as string }, raw);
      const body = JSON.parse(raw) as Record<string, unknown>;
      received.push({ body, signed });
      res.setHeader("content-type", "application/json");
      if (!signed) return void res.writeHead(401).end('{"error":"bad signature"}');
      if (answerWith) return void res.writeHead(answerWith.status).end(answerWith.body);
      if (body.action === "set_split") weights = { blue: 100 - Number(body.greenPercent), green: Number(body.greenPercent) };
      if (body.action === "health_check") return void res.end(JSON.stringify({ healthy: body.environment === "blue", detail: `${String(body.environment)} probe` }));
      res.end(JSON.stringify({ greenPercent: weights.green, weights }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/hooks/traffic`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  function driver(secrets: Record<string, string> = { signingSecret: secret }, timeoutMs = 2000) {
    return new WebhookDriver(webhookDriverConfig.parse({ kind: "webhook", url, timeoutMs }), secrets, { releaseId: "rel-9" });
  }

  it("posts a signed set_split and returns the state the pipeline reports", async () => {
    answerWith = null;
    const state = await driver().setSplit(25, log);
    expect(state).toMatchObject({ greenPercent: 25, weights: { blue: 75, green: 25 }, health: { blue: { healthy: true }, green: { healthy: false, detail: "green probe" } } });
    expect(received[0]).toEqual({ body: { action: "set_split", greenPercent: 25, releaseId: "rel-9" }, signed: true });
    expect(received.slice(1).map((r) => r.body)).toEqual([
      { action: "health_check", environment: "blue", releaseId: "rel-9" },
      { action: "health_check", environment: "green", releaseId: "rel-9" },
    ]);
    expect(logs.join("\n")).not.toContain(secret);
  });

  it("fails with the status and body excerpt on a non-2xx answer", async () => {
    answerWith = { status: 502, body: '{"error":"argo unavailable"}' };
    await expect(driver().readState(log)).rejects.toThrow(`Webhook ${url} answered 502: {"error":"argo unavailable"}`);
  });

  it("is refused by a receiver that checks signatures when the key is wrong", async () => {
    answerWith = null;
    await expect(driver({ signingSecret: "not-the-key" }).readState(log)).rejects.toThrow(/answered 401/);
  });

  it("fails when the pipeline reports a different split than was set", async () => {
    answerWith = { status: 200, body: JSON.stringify({ greenPercent: 10, weights: { blue: 90, green: 10 }, health: { blue: { healthy: true }, green: { healthy: true } } }) };
    await expect(driver().setSplit(50, log)).rejects.toThrow("The webhook reports green 10 % after setting 50 %");
  });

  it("refuses an answer that is not a traffic state", async () => {
    answerWith = { status: 200, body: '{"ok":true}' };
    await expect(driver().readState(log)).rejects.toThrow(/not a traffic state \(greenPercent:/);
  });

  it("reports an unreachable endpoint and a timeout clearly", async () => {
    answerWith = null;
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedUrl = `http://127.0.0.1:${(closed.address() as { port: number }).port}/hook`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const unreachable = new WebhookDriver(webhookDriverConfig.parse({ kind: "webhook", url: closedUrl, timeoutMs: 1000 }), { signingSecret: secret }, { releaseId: "r" });
    await expect(unreachable.readState(log)).rejects.toThrow(`Webhook ${closedUrl} is unreachable: ECONNREFUSED`);
    const hang = createServer(() => undefined);
    await new Promise<void>((resolve) => hang.listen(0, "127.0.0.1", resolve));
    const slow = new WebhookDriver(webhookDriverConfig.parse({ kind: "webhook", url: `http://127.0.0.1:${(hang.address() as { port: number }).port}/`, timeoutMs: 200 }), { signingSecret: secret }, { releaseId: "r" });
    await expect(slow.readState(log)).rejects.toThrow(/did not answer within 200 ms/);
    hang.closeAllConnections();
    hang.close();
  });

  it("refuses to start without a signing secret", () => {
    expect(() => driver({})).toThrow(DriverError);
  });
});
