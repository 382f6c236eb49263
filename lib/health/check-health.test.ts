import { afterEach, describe, expect, it, vi } from "vitest";

const query = vi.hoisted(() => ({ result: (): Promise<unknown> => Promise.resolve([{ "?column?": 1 }]) }));

vi.mock("@/lib/db/client", () => ({ prisma: { $queryRaw: () => query.result() } }));

const { checkHealth } = await import("./check-health");

afterEach(() => {
  vi.useRealTimers();
});

describe("checkHealth", () => {
  it("says ok when the database answers", async () => {
    query.result = () => Promise.resolve([]);
    expect(await checkHealth()).toMatchObject({ status: "ok", db: "ok" });
  });

  it("says the database is down when the query fails", async () => {
    query.result = () => Promise.reject(new Error("connection refused"));
    expect(await checkHealth()).toMatchObject({ status: "error", db: "down" });
  });

  it("gives up on a database that does not answer within 2 seconds", async () => {
    vi.useFakeTimers();
    query.result = () => new Promise(() => undefined);
    const pending = checkHealth();
    await vi.advanceTimersByTimeAsync(2001);
    expect(await pending).toMatchObject({ status: "error", db: "down" });
  });
});
