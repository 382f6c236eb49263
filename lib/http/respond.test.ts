import { describe, expect, it } from "vitest";
import { json } from "./respond";

describe("json answers", () => {
  it("asks the compression middleware to leave a small answer alone and lets it gzip a large one", async () => {
    const small = json({ item: { id: "a", status: "done" } });
    expect(small.headers.get("cache-control")).toBe("no-store, no-transform");
    expect(small.headers.get("content-type")).toBe("application/json");
    expect(await small.json()).toEqual({ item: { id: "a", status: "done" } });

    const items = Array.from({ length: 40 }, (_, index) => ({ id: `item-${index}`, title: "코드 리뷰 완료 및 승인" }));
    const large = json({ items }, 201, { etag: '"v1"' });
    expect(large.headers.get("cache-control")).toBe("no-store");
    expect(large.status).toBe(201);
    expect(large.headers.get("etag")).toBe('"v1"');
    expect(await large.json()).toEqual({ items });
  });
});
