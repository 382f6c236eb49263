import { AppError } from "@/lib/errors";

export const maxBodyBytes = 64 * 1024;

// Reads a JSON body without trusting Content-Length: the stream is cut off as
// soon as it passes the limit, so an oversized body never sits in memory.
export async function readJsonBody(req: Request, limit: number = maxBodyBytes): Promise<unknown> {
  const contentType = req.headers.get("content-type")?.toLowerCase() ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/.test(contentType)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json");
  }
  const text = await readTextBody(req, limit);
  if (text.trim() === "") throw new AppError("BAD_REQUEST", "The body is empty; send a JSON object");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("BAD_REQUEST", "The body is not valid JSON");
  }
}

// The body as UTF-8 text under the same limit, for routes that also take a
// text format (the metrics push takes Prometheus exposition); the caller
// checks the content type.
export async function readTextBody(req: Request, limit: number = maxBodyBytes): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge(limit);
  const bytes = await readLimited(req, limit);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("BAD_REQUEST", "The body is not valid UTF-8");
  }
}

async function readLimited(req: Request, limit: number): Promise<Uint8Array> {
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function tooLarge(limit: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `The body is larger than ${limit / 1024} KiB`);
}
