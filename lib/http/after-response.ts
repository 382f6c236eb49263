import { AsyncLocalStorage } from "node:async_hooks";
import type { ServerResponse } from "node:http";

// Work that should wait until the current HTTP response has been written:
// fanning a live event out to a thousand sockets keeps the event loop busy
// for ~13 ms, and the client that made the change should not wait for it.
// (A task on the next turn of the event loop is not enough: Next.js writes a
// route's headers first and its body a few turns later, so the body used to
// wait for the whole fan-out.)
//
// server.ts opens a scope around each request; a task queued inside one runs
// once that response is finished. Outside a scope (workers, the CLI, tests
// calling route handlers) a task runs on the next turn of the event loop.
// Tasks run in the order they were queued, whatever order their responses
// finish in, so a release's events still reach its room in `seq` order.

interface Scope {
  finished: boolean;
  tasks: Task[];
}

interface Task {
  run: () => void;
  ready: boolean;
}

// A response that never finishes (a stalled client) holds later tasks at
// most this long.
const maxHoldMs = 1_000;

interface State {
  storage: AsyncLocalStorage<Scope>;
  queue: Task[];
  drainScheduled: boolean;
}

// Route handlers are bundled by Next.js apart from server.ts; both halves of
// the process must share one store and one queue.
const holder = globalThis as unknown as { __launchControlAfterResponse?: State };

function state(): State {
  holder.__launchControlAfterResponse ??= { storage: new AsyncLocalStorage<Scope>(), queue: [], drainScheduled: false };
  return holder.__launchControlAfterResponse;
}

export function withResponseScope(res: ServerResponse, handle: () => void): void {
  const scope: Scope = { finished: false, tasks: [] };
  const finish = () => {
    if (scope.finished) return;
    scope.finished = true;
    for (const task of scope.tasks) task.ready = true;
    scope.tasks = [];
    drain();
  };
  res.once("finish", finish);
  res.once("close", finish);
  state().storage.run(scope, handle);
}

export function afterResponse(run: () => void): void {
  const { storage, queue } = state();
  const scope = storage.getStore();
  if (!scope || scope.finished) {
    queue.push({ run, ready: true });
    scheduleDrain();
    return;
  }
  const task: Task = { run, ready: false };
  queue.push(task);
  scope.tasks.push(task);
  setTimeout(() => {
    if (task.ready) return;
    task.ready = true;
    drain();
  }, maxHoldMs).unref();
}

function scheduleDrain(): void {
  const current = state();
  if (current.drainScheduled) return;
  current.drainScheduled = true;
  setImmediate(() => {
    current.drainScheduled = false;
    drain();
  });
}

function drain(): void {
  const { queue } = state();
  while (queue[0]?.ready) {
    const task = queue.shift()!;
    try {
      task.run();
    } catch (error) {
      console.error("after-response task failed", error);
    }
  }
}
