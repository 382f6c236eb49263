import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { disconnectPrisma } from "@/lib/db/client";

// A TCP relay in front of the test database that the test can cut and
// restore, standing in for a database that goes away and comes back.
function startRelay(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on("close", () => sockets.delete(socket));
          socket.on("error", () => socket.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, "127.0.0.1", () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  return {
    listen,
    get port() {
      return port;
    },
    async cut() {
      sockets.forEach((socket) => socket.destroy());
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      server = null;
    },
  };
}

describe("health while the database goes away and returns", () => {
  const original = process.env.DATABASE_URL!;
  const target = new URL(original);
  const relay = startRelay({ host: target.hostname, port: Number(target.port || 5432) });

  beforeAll(async () => {
    await relay.listen();
    const viaRelay = new URL(original);
    viaRelay.port = String(relay.port);
    await disconnectPrisma();
    process.env.DATABASE_URL = viaRelay.toString();
  });

  afterAll(async () => {
    await relay.cut();
    await disconnectPrisma();
    process.env.DATABASE_URL = original;
  });

  it("answers 200 ok, then 503 with the failing part while the database is unreachable, then 200 again once it is back", async () => {
    const up = await GET();
    expect(up.status).toBe(200);
    expect(await up.json()).toMatchObject({ status: "ok", db: "ok" });

    await relay.cut();
    const down = await GET();
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: "error", db: "down" });

    await relay.listen();
    let recovered: Response | null = null;
    for (let attempt = 0; attempt < 20 && recovered?.status !== 200; attempt += 1) {
      recovered = await GET();
      if (recovered.status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(recovered?.status).toBe(200);
  });
});
