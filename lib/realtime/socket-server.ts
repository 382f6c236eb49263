import type { Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import { z } from "zod";
import { can } from "@/lib/auth/permissions";
import { resolveActor, sessionTokenFromCookieHeader, type AuthUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { onMetricSamples, onOperationLog, onReleaseEvent, roomForRelease } from "@/lib/events/bus";

const subscribeSchema = z.object({ releaseId: z.uuid() }).strict();

type Ack = (reply: { ok: true; seq: number } | { ok: false; error: { code: string; message: string } }) => void;

interface SocketData {
  user: AuthUser;
}

// socket.io on the app's own HTTP server, authenticated with the same session
// cookie (or API token) as the pages, one room per release.
export async function attachSocketServer(httpServer: HttpServer): Promise<Server> {
  const io = new Server(httpServer, {
    path: "/socket.io",
    serveClient: false,
    // Other upgrade requests (Next's dev HMR) belong to Next; server.ts routes them.
    destroyUpgrade: false,
    cors: { origin: false },
  });

  if (process.env.REDIS_URL) await useRedisAdapter(io, process.env.REDIS_URL);

  io.use(async (socket, next) => {
    try {
      const auth: unknown = socket.handshake.auth;
      const bearerToken = typeof auth === "object" && auth && "token" in auth && typeof auth.token === "string" ? auth.token : null;
      const sessionToken = sessionTokenFromCookieHeader(socket.handshake.headers.cookie);
      const user = await resolveActor({ sessionToken, bearerToken });
      if (!user) return next(new Error("UNAUTHENTICATED"));
      (socket.data as SocketData).user = user;
      next();
    } catch (error) {
      console.error("socket auth failed", error);
      next(new Error("UNAVAILABLE"));
    }
  });

  io.on("connection", (socket) => {
    socket.on("subscribe", (payload: unknown, ack?: unknown) => {
      void subscribe(socket, payload).then((reply) => {
        if (typeof ack === "function") (ack as Ack)(reply);
      });
    });
    socket.on("unsubscribe", (payload: unknown) => {
      const parsed = subscribeSchema.safeParse(payload);
      if (parsed.success) void socket.leave(roomForRelease(parsed.data.releaseId));
    });
  });

  onReleaseEvent((event) => {
    io.to(roomForRelease(event.releaseId)).emit("release:event", event);
  });
  onOperationLog((event) => {
    io.to(roomForRelease(event.releaseId)).emit("operation:log", event);
  });
  onMetricSamples((event) => {
    io.to(roomForRelease(event.releaseId)).emit("metrics:samples", event);
  });
  return io;
}

async function subscribe(socket: Socket, payload: unknown): Promise<Parameters<Ack>[0]> {
  const parsed = subscribeSchema.safeParse(payload);
  if (!parsed.success) return { ok: false, error: { code: "VALIDATION_FAILED", message: "subscribe needs { releaseId: uuid }" } };
  const user = (socket.data as SocketData).user;
  if (!can(user.role, "release.read")) return { ok: false, error: { code: "FORBIDDEN", message: "Your role cannot read releases" } };
  try {
    const release = await prisma.release.findUnique({ where: { id: parsed.data.releaseId }, select: { eventSeq: true } });
    if (!release) return { ok: false, error: { code: "NOT_FOUND", message: "No such release" } };
    // Join before answering, so no event committed after this read is missed;
    // the client reconciles anything between its data and `seq` by refetching.
    await socket.join(roomForRelease(parsed.data.releaseId));
    return { ok: true, seq: release.eventSeq };
  } catch (error) {
    console.error("subscribe failed", error);
    return { ok: false, error: { code: "UNAVAILABLE", message: "The database is unavailable" } };
  }
}

async function useRedisAdapter(io: Server, url: string): Promise<void> {
  const [{ createAdapter }, { createClient }] = await Promise.all([import("@socket.io/redis-adapter"), import("redis")]);
  const pub = createClient({ url });
  const sub = pub.duplicate();
  pub.on("error", (error) => console.error("redis (pub)", error));
  sub.on("error", (error) => console.error("redis (sub)", error));
  await Promise.all([pub.connect(), sub.connect()]);
  io.adapter(createAdapter(pub, sub));
}
