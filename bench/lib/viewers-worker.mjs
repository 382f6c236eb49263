// Worker-thread half of bench/lib/viewers.ts (plain JS: worker threads do not
// inherit tsx's loader on Node 20). Opens `count` socket.io viewers and tells
// the main thread when every one of them has received a given event.
import { performance } from "node:perf_hooks";
import { parentPort, workerData } from "node:worker_threads";
import { io as connect } from "socket.io-client";

const options = workerData;
const now = () => performance.timeOrigin + performance.now();
const counts = new Map();

function keyOf(payload) {
  let value = payload;
  for (const part of options.keyPath) value = value && typeof value === "object" ? value[part] : undefined;
  return String(value);
}

async function open() {
  const socket = connect(options.url, { path: "/socket.io", transports: ["websocket"], auth: options.auth, reconnection: false });
  await new Promise((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  if (options.subscribe) {
    const reply = await socket.emitWithAck("subscribe", { releaseId: options.subscribe });
    if (!reply.ok) throw new Error("subscribe refused");
  }
  socket.on(options.event, (payload) => {
    const key = keyOf(payload);
    const seen = (counts.get(key) ?? 0) + 1;
    if (seen === options.count) {
      counts.delete(key);
      parentPort.postMessage({ type: "all", key, at: now(), payload });
    } else counts.set(key, seen);
  });
}

for (let start = 0; start < options.count; start += 100) {
  await Promise.all(Array.from({ length: Math.min(100, options.count - start) }, open));
}
parentPort.postMessage({ type: "ready" });
