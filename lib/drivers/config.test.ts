import { describe, expect, it } from "vitest";
import { driverConfigSchema, driverSecretFields, parseHaproxyAddress } from "./config";

const haproxy = { kind: "haproxy", address: "unix:/run/haproxy/admin.sock", backend: "app", blueServer: "blue", greenServer: "green" };
const command = {
  kind: "command",
  setSplitCommand: ["/opt/lb/set-weight", "{environment}", "--weight={weight}"],
  readStateCommand: ["/opt/lb/state"],
  healthCommand: ["/opt/lb/health", "{environment}"],
};

function issues(value: unknown): string[] {
  const result = driverConfigSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("driverConfigSchema", () => {
  it("accepts each kind and fills in the default timeout", () => {
    expect(driverConfigSchema.parse({ kind: "simulated" })).toEqual({ kind: "simulated" });
    expect(driverConfigSchema.parse(haproxy)).toEqual({ ...haproxy, timeoutMs: 10_000 });
    expect(driverConfigSchema.parse({ ...haproxy, address: "tcp://10.0.0.5:9999", timeoutMs: 500 })).toMatchObject({ timeoutMs: 500 });
    expect(driverConfigSchema.parse(command)).toMatchObject({ secretEnv: [], timeoutMs: 10_000 });
    expect(driverConfigSchema.parse({ kind: "webhook", url: "https://deploy.example.com/hooks/traffic" })).toMatchObject({ kind: "webhook" });
  });

  it("refuses an unknown kind and unknown fields", () => {
    expect(issues({ kind: "nginx" })).not.toEqual([]);
    expect(issues({ kind: "simulated", extra: 1 })).not.toEqual([]);
    expect(issues({ ...haproxy, weightScale: 256 })).not.toEqual([]);
  });

  it("refuses HAProxy addresses that are neither tcp://host:port nor unix:/absolute", () => {
    for (const address of ["127.0.0.1:9999", "tcp://host", "tcp://host:0", "tcp://host:70000", "unix:relative.sock", "http://lb:80"]) {
      expect(issues({ ...haproxy, address }), address).toEqual([expect.stringContaining("address")]);
    }
  });

  it("refuses HAProxy names that could smuggle a second runtime command", () => {
    expect(issues({ ...haproxy, backend: "app;disable server app/blue" })).toEqual([expect.stringContaining("backend")]);
    expect(issues({ ...haproxy, greenServer: "green\nshutdown" })).toEqual([expect.stringContaining("greenServer")]);
    expect(issues({ ...haproxy, greenServer: "blue" })).toEqual(["greenServer: Blue and green must be different servers"]);
  });

  it("refuses command templates with unknown or misplaced placeholders", () => {
    expect(issues({ ...command, setSplitCommand: ["/x", "{greenPercnt}"] })).toEqual([expect.stringContaining("Unknown placeholder {greenPercnt}")]);
    expect(issues({ ...command, readStateCommand: ["/x", "{environment}"] })).toEqual([expect.stringContaining("takes no placeholders")]);
    expect(issues({ ...command, healthCommand: ["/x", "{weight}"] })).toEqual([expect.stringContaining("allowed here: {environment}")]);
    expect(issues({ ...command, setSplitCommand: ["/x", "--apply"] })).toEqual([expect.stringContaining("must use {greenPercent}")]);
    expect(issues({ ...command, setSplitCommand: ["/x", "{weight}"] })).toEqual([expect.stringContaining("together with {environment}")]);
    expect(issues({ ...command, setSplitCommand: [] })).not.toEqual([]);
    expect(issues({ ...command, setSplitCommand: ["", "{greenPercent}"] })).toEqual([expect.stringContaining("program")]);
  });

  it("refuses a relative cwd, bad secret env names and non-http webhook URLs", () => {
    expect(issues({ ...command, cwd: "scripts" })).toEqual([expect.stringContaining("cwd")]);
    expect(issues({ ...command, secretEnv: ["lb-token"] })).toEqual([expect.stringContaining("secretEnv")]);
    expect(issues({ kind: "webhook", url: "ftp://example.com/hook" })).toEqual([expect.stringContaining("url")]);
    expect(issues({ ...haproxy, timeoutMs: 10 })).toEqual([expect.stringContaining("timeoutMs")]);
  });
});

describe("driverSecretFields", () => {
  it("names the webhook signing secret and the command's secret env vars", () => {
    expect(driverSecretFields(driverConfigSchema.parse({ kind: "webhook", url: "https://x.test/h" }))).toEqual(["signingSecret"]);
    expect(driverSecretFields(driverConfigSchema.parse({ ...command, secretEnv: ["LB_TOKEN"] }))).toEqual(["LB_TOKEN"]);
    expect(driverSecretFields(driverConfigSchema.parse(haproxy))).toEqual([]);
  });
});

describe("parseHaproxyAddress", () => {
  it("reads TCP (names, IPv4, bracketed IPv6) and unix addresses", () => {
    expect(parseHaproxyAddress("tcp://lb.internal:9999")).toEqual({ type: "tcp", host: "lb.internal", port: 9999 });
    expect(parseHaproxyAddress("tcp://[::1]:9999")).toEqual({ type: "tcp", host: "::1", port: 9999 });
    expect(parseHaproxyAddress("unix:/run/haproxy/admin.sock")).toEqual({ type: "unix", path: "/run/haproxy/admin.sock" });
    expect(parseHaproxyAddress("tcp://lb:99999")).toBeNull();
  });
});
