import { AppError } from "@/lib/errors";
import { validationError } from "@/lib/http/respond";
import { parseExposition } from "./exposition";
import { pushMetricsBody } from "./metrics.validation";
import type { SampleCandidate } from "./sample";

// A batch of up to 5,000 samples is far larger than the API's usual 64 KiB.
export const maxPushBodyBytes = 1024 * 1024;

export interface PushBatch {
  source: string | undefined;
  samples: SampleCandidate[];
}

// The push route takes JSON or Prometheus's text exposition format, so it
// reads its body itself rather than through route()'s JSON-only parsing.
export async function readPushBody(req: Request): Promise<PushBatch> {
  const contentType = req.headers.get("content-type")?.toLowerCase() ?? "";
  const isJson = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/.test(contentType);
  const isText = /^text\/plain\s*(?:;|$)/.test(contentType);
  if (!isJson && !isText) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send application/json or text/plain (Prometheus exposition format)");
  }
  const text = await readLimitedText(req);
  if (text.trim() === "") throw new AppError("BAD_REQUEST", "The body is empty");
  if (isText) return { source: undefined, samples: parseExposition(text) };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The body is not valid JSON");
  }
  const parsed = pushMetricsBody.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error, "body");
  return { source: parsed.data.source, samples: parsed.data.samples };
}

// Cut off as soon as the stream passes the limit, without trusting
// Content-Length, so an oversized body never sits in memory.
async function readLimitedText(req: Request): Promise<string> {
  const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `The body is larger than ${maxPushBodyBytes / 1024} KiB`);
  if (Number(req.headers.get("content-length") ?? "0") > maxPushBodyBytes) throw tooLarge();
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxPushBodyBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new AppError("BAD_REQUEST", "The body is not valid UTF-8");
  }
}
