import type { z } from "zod";
import type { Actor } from "@/lib/audit/record-event";
import { can, type Permission } from "@/lib/auth/permissions";
import { bearerTokenFromAuthorization, resolveActor, sessionTokenFromCookieHeader, type AuthUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { readJsonBody } from "./body";
import { isCrossOrigin, isMutating } from "./origin";
import { json, toErrorResponse, validationError } from "./respond";

type Schema = z.ZodType;
type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteOptions<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined> {
  permission?: Permission;
  params?: P;
  query?: Q;
  body?: B;
  // Bytes; the default (64 KiB) suits every body but long markdown.
  maxBodyBytes?: number;
  public?: boolean;
}

export interface RouteContext<P, Q, B, U> {
  req: Request;
  user: U;
  actor: U extends AuthUser ? Actor : Actor | null;
  params: Parsed<P>;
  query: Parsed<Q>;
  body: Parsed<B>;
}

// What Next.js passes as the second argument; `params` is a Promise since 15.
export interface NextRouteContext {
  params: Promise<Record<string, string | string[] | undefined>>;
}

export type RouteHandler = (req: Request, context: NextRouteContext) => Promise<Response>;

type Result = Response | object;

interface ResolvedContext {
  req: Request;
  user: AuthUser | null;
  actor: Actor | null;
  params: unknown;
  query: unknown;
  body: unknown;
}

export function route<P extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, B extends Schema | undefined = undefined>(
  options: RouteOptions<P, Q, B> & { public: true },
  handler: (ctx: RouteContext<P, Q, B, AuthUser | null>) => Promise<Result>,
): RouteHandler;
export function route<P extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, B extends Schema | undefined = undefined>(
  options: RouteOptions<P, Q, B> & { public?: false },
  handler: (ctx: RouteContext<P, Q, B, AuthUser>) => Promise<Result>,
): RouteHandler;
// parse → authenticate → authorise → run → respond, the same for every route.
export function route(
  options: RouteOptions<Schema | undefined, Schema | undefined, Schema | undefined>,
  handler: (ctx: never) => Promise<Result>,
): RouteHandler {
  // The overloads tie each handler's context to its schemas; at run time the
  // context is whatever the schemas produced.
  const run = handler as (ctx: ResolvedContext) => Promise<Result>;
  return async (req, context) => {
    try {
      const user = await authenticate(req);
      if (!options.public) {
        if (!user) throw new AppError("UNAUTHENTICATED", "Sign in or send an API token");
        if (user.via === "session" && isMutating(req.method) && isCrossOrigin(req.headers)) {
          throw new AppError("CROSS_ORIGIN", "Cross-origin requests must use an API token");
        }
        if (options.permission && !can(user.role, options.permission)) {
          throw new AppError("FORBIDDEN", "Your role does not allow this", { permission: options.permission });
        }
      }
      const params = await parseParams(options.params, context);
      const query = parseWith(options.query, Object.fromEntries(new URL(req.url).searchParams), "query");
      const body = options.body ? parseWith(options.body, await readJsonBody(req, options.maxBodyBytes), "body") : undefined;
      const actor: Actor | null = user
        ? { userId: user.id, label: user.email, via: user.via === "token" ? "api" : "ui" }
        : null;
      const result = await run({ req, user, actor, params, query, body });
      return result instanceof Response ? result : json(result);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

async function authenticate(req: Request): Promise<AuthUser | null> {
  return resolveActor({
    bearerToken: bearerTokenFromAuthorization(req.headers.get("authorization")),
    sessionToken: sessionTokenFromCookieHeader(req.headers.get("cookie")),
  });
}

// A malformed id in the path names no resource, so it is a 404 like an unknown one.
async function parseParams(schema: Schema | undefined, context: NextRouteContext | undefined): Promise<unknown> {
  if (!schema) return undefined;
  const raw = (await context?.params) ?? {};
  const result = schema.safeParse(raw);
  if (!result.success) throw new AppError("NOT_FOUND", "Not found", validationError(result.error, "path").details);
  return result.data;
}

function parseWith(schema: Schema | undefined, value: unknown, where: string): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error, where);
  return result.data;
}
