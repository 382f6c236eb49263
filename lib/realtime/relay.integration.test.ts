import { spawnSync } from "node:child_process";
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestRelease, createTestUser, type TestUser } from "@/test/api-fixtures";
import { attachSocketServer } from "./socket-server";

const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

// A web process (socket.io with the Redis adapter, as with REDIS_URL) and a
// separate worker process (ROLE=worker: no socket.io, the relay instead):
// what the worker raises reaches the browsers subscribed to the web process.
describe("live events from a worker process", () => {
  let httpServer: HttpServer;
  let url: string;
  let viewer: TestUser;
  let releaseId: string;
  let otherReleaseId: string;
  const sockets: Socket[] = [];
  const previousRedisUrl = process.env.REDIS_URL;

  beforeAll(async () => {
    process.env.REDIS_URL = redisUrl;
    httpServer = createServer();
    const io = await attachSocketServer(httpServer);
    await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
    httpServer.once("close", () => void io.close());
    viewer = await createTestUser("VIEWER");
    ({ releaseId } = await createTestRelease());
    ({ releaseId: otherReleaseId } = await createTestRelease());
  });

  afterAll(async () => {
    sockets.forEach((socket) => socket.disconnect());
    await new Promise((resolve) => httpServer.close(resolve));
    if (previousRedisUrl === undefined) delete process.env.REDIS_URL;
    else process.env.REDIS_URL = previousRedisUrl;
  });

  async function subscribed(id: string): Promise<{ socket: Socket; received: [string, unknown][] }> {
    const socket = connect(url, { path: "/socket.io", transports: ["websocket"], auth: { token: viewer.bearer }, reconnection: false });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
    expect(await socket.emitWithAck("subscribe", { releaseId: id })).toMatchObject({ ok: true });
    const received: [string, unknown][] = [];
    socket.onAny((event: string, payload: unknown) => received.push([event, payload]));
    return { socket, received };
  }

  it("delivers the worker's release events, operation log lines and metric samples to that release's room only", async () => {
    const watching = await subscribed(releaseId);
    const elsewhere = await subscribed(otherReleaseId);

    const worker = spawnSync(process.execPath, ["--import", "tsx", "test/relay-worker.ts", redisUrl, releaseId], { encoding: "utf8", timeout: 30_000 });
    expect(worker.status, worker.stderr).toBe(0);

    await expect.poll(() => watching.received.map(([event]) => event).sort()).toEqual(["metrics:samples", "operation:log", "release:event"]);
    expect(watching.received).toContainEqual(["release:event", expect.objectContaining({ releaseId, seq: 1_000_001, type: "guard.breached" })]);
    expect(watching.received).toContainEqual(["operation:log", expect.objectContaining({ releaseId, message: "rolling back" })]);
    expect(watching.received).toContainEqual(["metrics:samples", expect.objectContaining({ releaseId, source: "simulated" })]);
    expect(elsewhere.received).toEqual([]);
  });
});
