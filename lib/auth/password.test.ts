import { describe, expect, it } from "vitest";
import { hashPassword, passwordPolicyError, verifyPassword } from "./password";

describe("password hashing", () => {
  it("stores scrypt parameters, salt and hash in the documented format", async () => {
    const stored = await hashPassword("correct horse battery");
    const parts = stored.split("$");
    expect(parts.slice(0, 4)).toEqual(["scrypt", "16384", "8", "1"]);
    expect(Buffer.from(parts[4]!, "base64")).toHaveLength(16);
    expect(Buffer.from(parts[5]!, "base64")).toHaveLength(64);
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await hashPassword("correct horse battery");
    await expect(verifyPassword("correct horse battery", stored)).resolves.toBe(true);
    await expect(verifyPassword("correct horse batterz", stored)).resolves.toBe(false);
  });

  it("salts every hash, so equal passwords hash differently", async () => {
    expect(await hashPassword("same password 123")).not.toBe(await hashPassword("same password 123"));
  });

  it("treats malformed stored values as a mismatch instead of throwing", async () => {
    for (const stored of ["", "plain", "scrypt$1$2$3", "bcrypt$16384$8$1$AAAA$BBBB", "scrypt$x$8$1$AAAA$BBBB"]) {
      await expect(verifyPassword("anything at all", stored)).resolves.toBe(false);
    }
  });

  it("requires at least 12 characters", () => {
    expect(passwordPolicyError("short")).not.toBeNull();
    expect(passwordPolicyError("exactly12chr")).toBeNull();
  });
});
