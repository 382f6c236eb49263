import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countAnswers, freePort, haproxyBinary, haproxyInstalled, startHaproxyLab, whoAnswers, type HaproxyLab } from "@/test/haproxy-lab";
import { haproxyDriverConfig } from "./config";
import { HaproxyDriver } from "./haproxy";
import { DriverError } from "./types";

// Against a real HAProxy from Debian's package, started by the test. CI
// installs it; on a machine without it the suite says so and skips.
if (!haproxyInstalled) console.warn(`Skipping the HAProxy driver tests: ${haproxyBinary} is not installed (apt-get install haproxy).`);

const logs: string[] = [];
const log = (level: string, message: string) => void logs.push(`${level} ${message}`);

describe.skipIf(!haproxyInstalled)("HAProxy driver against a real HAProxy", () => {
  let lab: HaproxyLab;
  let driver: HaproxyDriver;

  function driverAt(address: string, timeoutMs = 2000): HaproxyDriver {
    return new HaproxyDriver(haproxyDriverConfig.parse({ kind: "haproxy", address, backend: "app", blueServer: "blue", greenServer: "green", timeoutMs }));
  }

  beforeAll(async () => {
    lab = await startHaproxyLab();
    driver = driverAt(lab.unixAddress);
  });

  afterAll(async () => {
    await lab?.stop();
  });

  it("sends 25 % ± 7 % of 400 fresh-connection requests to green after setSplit(25)", async () => {
    const state = await driver.setSplit(25, log);
    expect(state).toMatchObject({ greenPercent: 25, weights: { blue: 75, green: 25 } });
    const counts = await countAnswers(lab.frontendUrl, 400);
    expect((counts.blue ?? 0) + (counts.green ?? 0)).toBe(400);
    expect(counts.green ?? 0).toBeGreaterThanOrEqual(400 * 0.18);
    expect(counts.green ?? 0).toBeLessThanOrEqual(400 * 0.32);
  });

  it("reports the split HAProxy's show stat reports, over unix and TCP alike", async () => {
    const reported = await lab.reportedWeights();
    const overUnix = await driver.readState(log);
    const overTcp = await driverAt(lab.tcpAddress).readState(log);
    expect(overUnix.weights).toEqual(reported);
    expect(overTcp.weights).toEqual(reported);
    expect(overUnix.greenPercent).toBe((100 * reported.green) / (reported.blue + reported.green));
    expect(overUnix.health.green).toMatchObject({ healthy: true });
  });

  it("puts 100 % of traffic on blue within one second of an abort, under load", async () => {
    await driver.setSplit(50, log);
    const answers: { startedAt: number; who: string }[] = [];
    let loading = true;
    const load = Promise.all(
      Array.from({ length: 8 }, async () => {
        while (loading) {
          const startedAt = performance.now();
          answers.push({ startedAt, who: await whoAnswers(lab.frontendUrl) });
        }
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 150));
    const abortAt = performance.now();
    const state = await driver.setSplit(0, log);
    const confirmedAt = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 300));
    loading = false;
    await load;

    expect(state).toMatchObject({ greenPercent: 0, weights: { blue: 100, green: 0 } });
    expect(confirmedAt - abortAt).toBeLessThan(1000);
    expect(answers.some((answer) => answer.startedAt < abortAt && answer.who === "green")).toBe(true);
    const afterAbort = answers.filter((answer) => answer.startedAt >= confirmedAt);
    expect(afterAbort.length).toBeGreaterThan(20);
    expect(afterAbort.filter((answer) => answer.who !== "blue")).toEqual([]);
  });

  it("sends everything to green at 100 % (blue weight 0)", async () => {
    expect(await driver.setSplit(100, log)).toMatchObject({ greenPercent: 100, weights: { blue: 0, green: 100 } });
    expect(await countAnswers(lab.frontendUrl, 40)).toEqual({ green: 40 });
    await driver.setSplit(0, log);
  });

  it("reports a stopped environment as down once HAProxy's checks notice", async () => {
    await lab.stopEnvironment("green");
    try {
      const deadline = Date.now() + 5000;
      let health = await driver.healthCheck("green", log);
      while (health.healthy && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        health = await driver.healthCheck("green", log);
      }
      expect(health.healthy).toBe(false);
      expect(health.detail).toMatch(/^DOWN/);
      expect((await driver.readState(log)).health).toMatchObject({ blue: { healthy: true }, green: { healthy: false } });
    } finally {
      await lab.startEnvironment("green");
    }
  });

  it("fails with HAProxy's reason for a backend or server it does not know", async () => {
    const wrongBackend = new HaproxyDriver(haproxyDriverConfig.parse({ kind: "haproxy", address: lab.unixAddress, backend: "nope", blueServer: "blue", greenServer: "green" }));
    await expect(wrongBackend.readState(log)).rejects.toThrow('HAProxy refused "show stat nope 4 -1": No such proxy.');
    const wrongServer = new HaproxyDriver(haproxyDriverConfig.parse({ kind: "haproxy", address: lab.unixAddress, backend: "app", blueServer: "blue", greenServer: "canary" }));
    await expect(wrongServer.setSplit(10, log)).rejects.toThrow('HAProxy refused "set server app/canary weight 10": No such server.');
    await expect(wrongServer.readState(log)).rejects.toThrow('Server "canary" not found in HAProxy backend "app" (servers: blue, green)');
  });

  it("fails with a DriverError naming the address when the runtime API is unreachable", async () => {
    const closedPort = await freePort();
    for (const address of [`tcp://127.0.0.1:${closedPort}`, "unix:/nonexistent/haproxy.sock"]) {
      const error = await driverAt(address).setSplit(0, log).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DriverError);
      expect((error as DriverError).message).toMatch(new RegExp(`^HAProxy runtime API at ${address.replace(/[/.]/g, "\\$&")} is unreachable: (ECONNREFUSED|ENOENT)$`));
    }
  });
});
