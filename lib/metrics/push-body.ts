import { AppError } from "@/lib/errors";
import { readTextBody } from "@/lib/http/body";
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
  const text = await readTextBody(req, maxPushBodyBytes);
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
