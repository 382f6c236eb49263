import { z } from "zod";
import { AppError, isAppError } from "@/lib/errors";

// The one place that turns errors into HTTP answers. Only AppErrors (and the
// few database errors that mean "bad input") reach the client with details;
// anything else is logged and answered with a generic 500.
// Next.js gzips every answer it can; for a small one (most mutations, errors,
// health) that costs the server and the client more than the bytes it saves —
// 2 ms at p50 and 5 ms at p95 on a checklist tick here. Below 1 KiB (where the
// compression middleware's own threshold lies when it knows the length) the
// answer says `no-transform`, which that middleware honours, and goes out as is.
const compressFromBytes = 1024;

export function json(data: unknown, status = 200, headers?: HeadersInit): Response {
  const body = JSON.stringify(data);
  const response = new Response(body, { status, headers });
  response.headers.set("content-type", "application/json");
  response.headers.set("cache-control", Buffer.byteLength(body) < compressFromBytes ? "no-store, no-transform" : "no-store");
  return response;
}

export function errorResponse(error: AppError, headers?: HeadersInit): Response {
  return json({ error: { code: error.code, message: error.message, details: error.details } }, error.status, headers);
}

export function toErrorResponse(error: unknown): Response {
  const known = toAppError(error);
  if (known) {
    const retryAfter = retryAfterSeconds(known);
    return errorResponse(known, retryAfter === null ? undefined : { "retry-after": String(retryAfter) });
  }
  console.error("Unhandled error in route handler", error);
  return json({ error: { code: "INTERNAL", message: "Something went wrong on our side", details: null } }, 500);
}

export interface IssueDetail {
  path: (string | number)[];
  message: string;
  code: string;
}

export function zodIssues(error: z.ZodError): IssueDetail[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((segment) => (typeof segment === "symbol" ? String(segment) : segment)),
    message: issue.message,
    code: issue.code,
  }));
}

export function validationError(error: z.ZodError, where: string): AppError {
  return new AppError("VALIDATION_FAILED", `Invalid ${where}`, zodIssues(error));
}

function toAppError(error: unknown): AppError | null {
  if (isAppError(error)) return error;
  if (error instanceof z.ZodError) return validationError(error, "input");
  const prismaCode = prismaErrorCode(error);
  switch (prismaCode) {
    case "P2025":
      return new AppError("NOT_FOUND", "Not found");
    case "P2002":
      return new AppError("CONFLICT", "A record with these values already exists");
    case "P2024":
    case "P2028":
      // Pool or transaction slot not obtained in time: load, not a bug.
      return new AppError("UNAVAILABLE", "The server is busy; try again shortly");
    case "P2000":
    case "P2003":
    case "P2006":
    case "P2007":
    case "P2023":
      return new AppError("BAD_REQUEST", "Invalid identifier or value");
    default:
      return null;
  }
}

// Matched by name rather than instanceof: Next.js may bundle the generated
// client apart from this module, giving two copies of the error class.
function prismaErrorCode(error: unknown): string | null {
  if (typeof error !== "object" || error === null) return null;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === "PrismaClientKnownRequestError" && typeof code === "string" ? code : null;
}

function retryAfterSeconds(error: AppError): number | null {
  if (error.code !== "RATE_LIMITED") return null;
  const details = error.details as { retryAfterSeconds?: unknown } | null;
  return typeof details?.retryAfterSeconds === "number" ? details.retryAfterSeconds : null;
}
