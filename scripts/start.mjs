// `npm start`: build the production bundle when needed, then run the
// one-process server (Next.js + socket.io + workers) in production mode.
import { spawn } from "node:child_process";
import { buildIfStale } from "./build-if-stale.mjs";
import { serverNodeArgs } from "./server-node-args.mjs";

const built = buildIfStale();
if (built !== 0) process.exit(built);

const server = spawn(process.execPath, [...serverNodeArgs, "--import", "tsx", "server.ts", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
