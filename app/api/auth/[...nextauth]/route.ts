import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { clientAddress, signInThrottleState, throttleKeys } from "@/lib/auth/throttle";
import { AppError } from "@/lib/errors";
import { errorResponse, toErrorResponse } from "@/lib/http/respond";

interface NextAuthContext {
  params: Promise<{ nextauth: string[] }>;
}

const handler = NextAuth(authOptions) as (req: Request, context: NextAuthContext) => Promise<Response>;

export function GET(req: Request, context: NextAuthContext): Promise<Response> {
  return handler(req, context);
}

// A locked-out email or address gets a 429 before next-auth runs, so the
// sign-in form can say "try again in N minutes" instead of "wrong password".
export async function POST(req: Request, context: NextAuthContext): Promise<Response> {
  if (new URL(req.url).pathname.endsWith("/callback/credentials")) {
    try {
      const email = await emailFromForm(req.clone());
      const state = await signInThrottleState(throttleKeys(email, clientAddress(req.headers)));
      if (state.locked) {
        const error = new AppError("RATE_LIMITED", "Too many failed sign-ins; try again later", {
          retryAfterSeconds: state.retryAfterSeconds,
        });
        return errorResponse(error, { "retry-after": String(state.retryAfterSeconds) });
      }
    } catch (error) {
      return toErrorResponse(error);
    }
  }
  return handler(req, context);
}

async function emailFromForm(req: Request): Promise<string | null> {
  const contentType = req.headers.get("content-type") ?? "";
  const text = await req.text();
  if (contentType.includes("application/json")) {
    try {
      const body = JSON.parse(text) as { email?: unknown };
      return typeof body.email === "string" ? body.email : null;
    } catch {
      return null;
    }
  }
  return new URLSearchParams(text).get("email");
}
