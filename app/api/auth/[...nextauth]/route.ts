import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { clientAddress, signInThrottleState, throttleKeys } from "@/lib/auth/throttle";
import { AppError } from "@/lib/errors";
import { toErrorResponse } from "@/lib/http/respond";

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
        // `url` keeps next-auth's client signIn() working: it reads the error
        // name from that URL and returns { error: "RateLimited", status: 429 }.
        const url = new URL(`/sign-in?error=RateLimited&retryAfter=${state.retryAfterSeconds}`, req.url).toString();
        return Response.json(
          { error: { code: error.code, message: error.message, details: error.details }, url },
          { status: error.status, headers: { "retry-after": String(state.retryAfterSeconds), "cache-control": "no-store" } },
        );
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
