import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateChecklistItem } from "@/lib/checklist/update-item";
import type { ReleaseEvent } from "@/lib/events/bus";
import { createTestRelease, createTestUser, itemVersion, type TestUser } from "@/test/api-fixtures";
import { attachSocketServer } from "./socket-server";

describe("socket.io live stream", () => {
  let httpServer: HttpServer;
  let url: string;
  let engineer: TestUser;
  let viewer: TestUser;
  let releaseId: string;
  let itemIds: string[];
  const sockets: Socket[] = [];

  beforeAll(async () => {
    httpServer = createServer();
    const io = await attachSocketServer(httpServer);
    await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
    httpServer.once("close", () => void io.close());
    engineer = await createTestUser("ENGINEER");
    viewer = await createTestUser("VIEWER");
    ({ releaseId, itemIds } = await createTestRelease());
  });

  afterAll(async () => {
    sockets.forEach((socket) => socket.disconnect());
    await new Promise((resolve) => httpServer.close(resolve));
  });

  function open(auth: Record<string, string>, extraHeaders?: Record<string, string>): Promise<Socket> {
    const socket = connect(url, { path: "/socket.io", transports: ["websocket"], auth, extraHeaders, reconnection: false });
    sockets.push(socket);
    return new Promise((resolve, reject) => {
      socket.once("connect", () => resolve(socket));
      socket.once("connect_error", reject);
    });
  }

  async function tick(user: TestUser, itemId: string, status: "done" | "todo") {
    const me = { id: user.id, email: user.email, name: user.email, role: user.role, via: "token" as const };
    return updateChecklistItem({ userId: user.id, label: user.email, via: "api" }, me, releaseId, itemId, {
      version: await itemVersion(itemId),
      status,
    });
  }

  it("refuses a connection without a session or token, and one with a bad token", async () => {
    await expect(open({})).rejects.toThrow("UNAUTHENTICATED");
    await expect(open({ token: "lc_not-a-real-token" })).rejects.toThrow("UNAUTHENTICATED");
  });

  it("accepts the session cookie as the pages send it", async () => {
    const socket = await open({}, { cookie: viewer.cookie });
    expect(await socket.emitWithAck("subscribe", { releaseId })).toMatchObject({ ok: true });
  });

  it("answers subscribe with the current seq and then streams each change with the next seq", async () => {
    const watcher = await open({ token: viewer.bearer });
    const ack = (await watcher.emitWithAck("subscribe", { releaseId })) as { ok: true; seq: number };
    expect(ack.ok).toBe(true);

    const received: ReleaseEvent[] = [];
    watcher.on("release:event", (event: ReleaseEvent) => received.push(event));
    await tick(engineer, itemIds[0]!, "done");
    await tick(engineer, itemIds[1]!, "done");
    await expect.poll(() => received.length).toBe(2);

    expect(received.map((event) => event.seq)).toEqual([ack.seq + 1, ack.seq + 2]);
    expect(received[0]).toMatchObject({ releaseId, type: "checklist.item.updated" });
    expect((received[0]!.data as { item: { id: string; status: string } }).item).toMatchObject({ id: itemIds[0], status: "done" });
  });

  it("lets a client that missed events resync: a new subscribe reports the seq it has to catch up to", async () => {
    const first = await open({ token: viewer.bearer });
    const before = (await first.emitWithAck("subscribe", { releaseId })) as { seq: number };
    first.disconnect();
    await tick(engineer, itemIds[2]!, "done");
    const again = await open({ token: viewer.bearer });
    const after = (await again.emitWithAck("subscribe", { releaseId })) as { seq: number };
    expect(after.seq).toBe(before.seq + 1);
  });

  it("does not deliver one release's events to another release's room", async () => {
    const other = await createTestRelease();
    const watcher = await open({ token: viewer.bearer });
    await watcher.emitWithAck("subscribe", { releaseId: other.releaseId });
    const received: ReleaseEvent[] = [];
    watcher.on("release:event", (event: ReleaseEvent) => received.push(event));
    await tick(engineer, itemIds[3]!, "done");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received).toEqual([]);
  });

  it("rejects malformed and unknown subscriptions with a clear error", async () => {
    const socket = await open({ token: viewer.bearer });
    expect(await socket.emitWithAck("subscribe", { releaseId: "nope" })).toMatchObject({ ok: false, error: { code: "VALIDATION_FAILED" } });
    expect(await socket.emitWithAck("subscribe", { releaseId: "00000000-0000-4000-8000-000000000000" })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
  });
});
