import { describe, expect, it } from "vitest";
import { bearerTokenFromAuthorization, sessionTokenFromCookieHeader } from "./session";

describe("sessionTokenFromCookieHeader", () => {
  it("reads the plain session cookie", () => {
    expect(sessionTokenFromCookieHeader("lc_locale=ko; next-auth.session-token=abc.def; other=1")).toBe("abc.def");
  });

  it("prefers the __Secure- cookie used over https", () => {
    expect(sessionTokenFromCookieHeader("next-auth.session-token=plain; __Secure-next-auth.session-token=secure")).toBe("secure");
  });

  it("joins chunked cookies in suffix order", () => {
    const header = "next-auth.session-token.1=BBB; next-auth.session-token.10=DDD; next-auth.session-token.0=AAA; next-auth.session-token.2=CCC";
    expect(sessionTokenFromCookieHeader(header)).toBe("AAABBBCCC" + "DDD");
  });

  it("ignores look-alike cookie names", () => {
    expect(sessionTokenFromCookieHeader("next-auth.session-token.x=1; next-auth.session-tokenx=2")).toBeNull();
  });

  it("returns null without a header or a session cookie", () => {
    expect(sessionTokenFromCookieHeader(undefined)).toBeNull();
    expect(sessionTokenFromCookieHeader("")).toBeNull();
    expect(sessionTokenFromCookieHeader("next-auth.csrf-token=x")).toBeNull();
  });

  it("decodes percent-encoded values and survives malformed ones", () => {
    expect(sessionTokenFromCookieHeader("next-auth.session-token=a%2Eb")).toBe("a.b");
    expect(sessionTokenFromCookieHeader("next-auth.session-token=%E0%A4%A")).toBe("%E0%A4%A");
  });
});

describe("bearerTokenFromAuthorization", () => {
  it("takes the token after Bearer, case-insensitively", () => {
    expect(bearerTokenFromAuthorization("Bearer lc_abc")).toBe("lc_abc");
    expect(bearerTokenFromAuthorization("bearer lc_abc ")).toBe("lc_abc");
  });

  it("ignores other schemes and empty values", () => {
    expect(bearerTokenFromAuthorization("Basic dXNlcjpwYXNz")).toBeNull();
    expect(bearerTokenFromAuthorization("Bearer")).toBeNull();
    expect(bearerTokenFromAuthorization(null)).toBeNull();
  });
});
