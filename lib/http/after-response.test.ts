import { EventEmitter } from "node:events";
import type { ServerResponse } from "node:http";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { afterResponse, withResponseScope } from "./after-response";

// Only the events the scope listens to.
const response = () => new EventEmitter() as unknown as ServerResponse;
const nextTurn = () => vi.advanceTimersByTime(0);

describe("afterResponse", () => {
  let ran: string[];

  beforeEach(() => {
    vi.useFakeTimers();
    ran = [];
  });

  afterEach(() => {
    vi.runOnlyPendingTimers();
    vi.useRealTimers();
  });

  it("runs on the next turn of the event loop outside a request", () => {
    afterResponse(() => ran.push("worker"));
    expect(ran).toEqual([]);
    nextTurn();
    expect(ran).toEqual(["worker"]);
  });

  it("holds a request's task until its response is finished", () => {
    const res = response();
    withResponseScope(res, () => afterResponse(() => ran.push("tick")));
    nextTurn();
    expect(ran).toEqual([]);
    res.emit("finish");
    expect(ran).toEqual(["tick"]);
    res.emit("close");
    expect(ran).toEqual(["tick"]);
  });

  it("keeps the order tasks were queued in, whichever response finishes first", () => {
    const first = response();
    const second = response();
    withResponseScope(first, () => afterResponse(() => ran.push("seq 5")));
    withResponseScope(second, () => afterResponse(() => ran.push("seq 6")));
    afterResponse(() => ran.push("seq 7 from a worker"));
    second.emit("finish");
    nextTurn();
    expect(ran).toEqual([]);
    first.emit("finish");
    expect(ran).toEqual(["seq 5", "seq 6", "seq 7 from a worker"]);
  });

  it("lets a response closed without finishing (client gone) release its tasks", () => {
    const res = response();
    withResponseScope(res, () => afterResponse(() => ran.push("aborted request")));
    res.emit("close");
    expect(ran).toEqual(["aborted request"]);
  });

  it("stops holding the queue for a response that never finishes after a second", () => {
    withResponseScope(response(), () => afterResponse(() => ran.push("stalled")));
    afterResponse(() => ran.push("behind it"));
    vi.advanceTimersByTime(999);
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ran).toEqual(["stalled", "behind it"]);
  });

  it("does not hold work that outlives its request (an operation it started)", async () => {
    const res = response();
    let answered: () => void = () => undefined;
    const answeredPromise = new Promise<void>((resolve) => (answered = resolve));
    let operation: Promise<void> = Promise.resolve();
    withResponseScope(res, () => {
      // Continues in the request's async context after the answer is written.
      operation = answeredPromise.then(() => afterResponse(() => ran.push("operation step")));
    });
    res.emit("finish");
    answered();
    await operation;
    expect(ran).toEqual([]);
    nextTurn();
    expect(ran).toEqual(["operation step"]);
  });

  it("keeps going when a task throws", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    afterResponse(() => {
      throw new Error("boom");
    });
    afterResponse(() => ran.push("next"));
    nextTurn();
    expect(ran).toEqual(["next"]);
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });
});
