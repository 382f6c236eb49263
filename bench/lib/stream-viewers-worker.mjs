// Worker-thread half of bench/lib/stream-viewers.ts (plain JS: worker threads
// do not inherit tsx's loader on Node 20). Opens `count` socket.io viewers (or
// plain `ws` clients) and records, for every update each one receives, its
// delivery latency: receipt time minus the send time stamped into the payload
// as the value of the `stampMetric` sample. Same clock as the main thread:
// timeOrigin + now.
import { performance } from "node:perf_hooks";
import { parentPort, workerData } from "node:worker_threads";
import { io as connect } from "socket.io-client";
import WebSocket from "ws";

const options = workerData;
const now = () => performance.timeOrigin + performance.now();
// send stamp → latencies (ms) of the viewers that received that update
const deliveries = new Map();
let dropped = 0;

function record(payload, receivedAt) {
  const stamp = payload?.samples?.find((sample) => sample.metric === options.stampMetric)?.value;
  if (typeof stamp !== "number") return;
  const latencies = deliveries.get(stamp);
  if (latencies) latencies.push(receivedAt - stamp);
  else deliveries.set(stamp, [receivedAt - stamp]);
}

async function openSocketIo() {
  const socket = connect(options.url, { path: "/socket.io", transports: ["websocket"], auth: options.auth, reconnection: false });
  await new Promise((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  if (options.subscribe) {
    const reply = await socket.emitWithAck("subscribe", { releaseId: options.subscribe });
    if (!reply.ok) throw new Error("subscribe refused");
  }
  // socket.io has parsed the packet by now, as the ws client below does before stamping.
  socket.on(options.event, (payload) => record(payload, now()));
  socket.on("disconnect", () => (dropped += 1));
}

async function openWs() {
  const socket = new WebSocket(options.url);
  await new Promise((resolve, reject) => {
    socket.once("open", resolve);
    socket.once("error", reject);
  });
  socket.on("message", (data) => {
    const payload = JSON.parse(data.toString());
    record(payload, now());
  });
  socket.on("close", () => (dropped += 1));
}

const open = options.kind === "ws" ? openWs : openSocketIo;
for (let start = 0; start < options.count; start += 100) {
  await Promise.all(Array.from({ length: Math.min(100, options.count - start) }, open));
}
parentPort.on("message", (message) => {
  if (message.type === "collect") parentPort.postMessage({ type: "deliveries", deliveries: [...deliveries], dropped });
});
parentPort.postMessage({ type: "ready" });
