import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { decryptSecrets, encryptSecrets, SecretsError } from "./secrets";

const original = process.env.NEXTAUTH_SECRET;

beforeEach(() => {
  process.env.NEXTAUTH_SECRET = "unit-test-secret-that-is-long-enough-for-hkdf";
});

afterEach(() => {
  if (original === undefined) delete process.env.NEXTAUTH_SECRET;
  else process.env.NEXTAUTH_SECRET = original;
});

describe("encryptSecrets / decryptSecrets", () => {
  it("round-trips the values through the versioned v1 format", () => {
    const values = { signingSecret: "s3cr3t", TARGET_TOKEN: "한글도 된다" };
    const blob = encryptSecrets(values);
    const parts = blob.split(":");
    expect(parts[0]).toBe("v1");
    expect(parts).toHaveLength(4);
    for (const part of parts.slice(1)) expect(part).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(parts[1]!, "base64url")).toHaveLength(12);
    expect(Buffer.from(parts[2]!, "base64url")).toHaveLength(16);
    expect(decryptSecrets(blob)).toEqual(values);
  });

  it("never writes a value in clear and uses a fresh IV every time", () => {
    const first = encryptSecrets({ password: "hunter2-hunter2" });
    const second = encryptSecrets({ password: "hunter2-hunter2" });
    expect(first).not.toContain("hunter2");
    expect(Buffer.from(first.split(":")[3]!, "base64url").toString("utf8")).not.toContain("hunter2");
    expect(first).not.toBe(second);
  });

  it("reads null or empty as no secrets", () => {
    expect(decryptSecrets(null)).toEqual({});
    expect(decryptSecrets("")).toEqual({});
  });

  it("says the key differs when the blob was made with another NEXTAUTH_SECRET", () => {
    const blob = encryptSecrets({ a: "b" });
    process.env.NEXTAUTH_SECRET = "another-secret-that-is-also-long-enough-yes";
    expect(() => decryptSecrets(blob)).toThrow(SecretsError);
    expect(() => decryptSecrets(blob)).toThrow(/different NEXTAUTH_SECRET/);
  });

  it("refuses a tampered ciphertext", () => {
    const [version, iv, tag, ciphertext] = encryptSecrets({ a: "b" }).split(":");
    const flipped = Buffer.from(ciphertext!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => decryptSecrets([version, iv, tag, flipped.toString("base64url")].join(":"))).toThrow(/cannot be decrypted/);
  });

  it("refuses unknown versions and malformed blobs clearly", () => {
    const blob = encryptSecrets({ a: "b" });
    expect(() => decryptSecrets(blob.replace(/^v1/, "v2"))).toThrow(/not in a known format/);
    expect(() => decryptSecrets("v1:abc")).toThrow(/not in a known format/);
    expect(() => decryptSecrets("v1:AA:BB:CC")).toThrow(/truncated or corrupt/);
  });

  it("fails clearly when NEXTAUTH_SECRET is missing", () => {
    delete process.env.NEXTAUTH_SECRET;
    expect(() => encryptSecrets({ a: "b" })).toThrow(/NEXTAUTH_SECRET is not set/);
  });
});
