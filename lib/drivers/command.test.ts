import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CommandDriver, renderArgs, splitInvocations } from "./command";
import { commandDriverConfig, type CommandDriverConfig } from "./config";
import { DriverError } from "./types";

describe("command templating", () => {
  it("fills placeholders inside arguments and leaves other text alone", () => {
    expect(renderArgs(["lb", "--green={greenPercent}", "--blue={bluePercent}", "{literal"], { greenPercent: "25", bluePercent: "75" })).toEqual([
      "lb",
      "--green=25",
      "--blue=75",
      "{literal",
    ]);
  });

  it("passes a value as one argument, whatever it contains (no shell)", () => {
    expect(renderArgs(["x", "{environment}"], { environment: "green; rm -rf /" })).toEqual(["x", "green; rm -rf /"]);
  });

  it("runs once per environment, green first, with that environment's weight", () => {
    expect(splitInvocations(["set-weight", "{environment}", "{weight}"], 25)).toEqual([
      ["set-weight", "green", "25"],
      ["set-weight", "blue", "75"],
    ]);
  });

  it("runs once with the shares when the command takes no environment", () => {
    expect(splitInvocations(["set-split", "{greenPercent}", "{bluePercent}"], 0)).toEqual([["set-split", "0", "100"]]);
  });

  it("refuses a placeholder without a value", () => {
    expect(() => renderArgs(["x", "{weight}"], {})).toThrow(DriverError);
  });
});

describe("CommandDriver against real scripts", () => {
  let dir: string;
  const logs: string[] = [];
  const log = (level: string, message: string) => void logs.push(`${level} ${message}`);
  const token = "tok-3f9a-very-secret";

  function config(overrides: Partial<CommandDriverConfig> = {}): CommandDriverConfig {
    return commandDriverConfig.parse({
      kind: "command",
      setSplitCommand: [path.join(dir, "set-weight.sh"), "{environment}", "{weight}"],
      readStateCommand: [path.join(dir, "read-state.sh")],
      healthCommand: [path.join(dir, "health.sh"), "{environment}"],
      timeoutMs: 2000,
      cwd: dir,
      secretEnv: ["LB_TOKEN"],
      ...overrides,
    });
  }

  function driver(overrides: Partial<CommandDriverConfig> = {}) {
    return new CommandDriver(config(overrides), { LB_TOKEN: token }, { releaseId: "rel-1" });
  }

  async function script(name: string, body: string): Promise<void> {
    await writeFile(path.join(dir, name), `#!/bin/sh\n${body}\n`);
    await chmod(path.join(dir, name), 0o755);
  }

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "lc-command-driver-"));
    await writeFile(path.join(dir, "blue"), "100");
    await writeFile(path.join(dir, "green"), "0");
    // Echoes its token, as careless scripts do: the log must not show it.
    await script("set-weight.sh", 'test "$LB_TOKEN" = "' + token + '" || { echo "no token" >&2; exit 9; }\nprintf %s "$2" > "$1"\necho "set $1 to $2 with $LB_TOKEN"');
    await script("read-state.sh", 'printf \'{"greenPercent": %s, "weights": {"blue": %s, "green": %s}}\' "$(cat green)" "$(cat blue)" "$(cat green)"');
    await script("health.sh", 'if [ "$1" = green ]; then echo "green: 502 from /healthz" >&2; exit 3; fi\necho "blue ok"');
    await script("fail.sh", 'echo "lb api said: 403 forbidden for $LB_TOKEN" >&2\nexit 2');
    await script("slow.sh", "sleep 5");
    await script("env.sh", 'printf \'{"greenPercent": 0, "health": {"blue": {"healthy": true, "detail": "%s"}, "green": {"healthy": true, "detail": "%s"}}}\' "${DATABASE_URL:-none}" "${NEXTAUTH_SECRET:-none}"');
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("sets the split through the script and confirms it by reading state back", async () => {
    const state = await driver().setSplit(25, log);
    expect(state).toMatchObject({ greenPercent: 25, weights: { blue: 75, green: 25 } });
    expect(await readFile(path.join(dir, "green"), "utf8")).toBe("25");
    expect(logs).toContain(`info set green to 25 with [redacted]`);
  });

  it("never writes a secret value to the log", () => {
    expect(logs.join("\n")).not.toContain(token);
  });

  it("asks the health command when the state does not report health", async () => {
    const state = await driver().readState(log);
    expect(state.health.blue).toEqual({ healthy: true, detail: "blue ok" });
    expect(state.health.green).toEqual({ healthy: false, detail: "exit 3: green: 502 from /healthz" });
  });

  it("turns a non-zero exit into a DriverError with the stderr tail, secrets masked", async () => {
    const failing = driver({ setSplitCommand: [path.join(dir, "fail.sh"), "{greenPercent}"] });
    const error = await failing.setSplit(50, log).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DriverError);
    expect((error as DriverError).message).toBe("setSplitCommand exited with 2: lb api said: 403 forbidden for [redacted]");
  });

  it("kills a command at its timeout", async () => {
    const slow = driver({ readStateCommand: [path.join(dir, "slow.sh")], timeoutMs: 300 });
    const started = Date.now();
    await expect(slow.readState(log)).rejects.toThrow(/timed out after 300 ms and was killed/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("reports a program that cannot be started", async () => {
    await expect(driver({ readStateCommand: [path.join(dir, "missing.sh")] }).readState(log)).rejects.toThrow(/Could not start .*ENOENT/);
  });

  it("refuses state output that is not the documented JSON", async () => {
    await script("bad-state.sh", 'echo "green=25"');
    await expect(driver({ readStateCommand: [path.join(dir, "bad-state.sh")] }).readState(log)).rejects.toThrow("readStateCommand printed no JSON: green=25");
  });

  it("keeps Launch Control's own secrets out of the script's environment", async () => {
    process.env.DATABASE_URL ??= "postgresql://launch-control";
    process.env.NEXTAUTH_SECRET ??= "a-secret-the-scripts-must-never-see";
    const state = await driver({ readStateCommand: [path.join(dir, "env.sh")] }).readState(log);
    expect(state.health.blue.detail).toBe("none");
    expect(state.health.green.detail).toBe("none");
  });

  it("refuses to start without the secret env values it was configured with", () => {
    expect(() => new CommandDriver(config(), {}, { releaseId: "rel-1" })).toThrow("Secret environment variables not set: LB_TOKEN");
  });
});
