import { spawn } from "node:child_process";

export interface RunProcessOptions {
  cwd?: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  signal: AbortSignal;
  // Each complete output line, as it arrives.
  onLine(stream: "stdout" | "stderr", line: string): void;
}

export interface ProcessResult {
  exitCode: number | null;
  killedBy: "timeout" | "abort" | null;
  stderrTail: string;
}

const tailLines = 20;
const killGraceMs = 5_000;

// Runs argv without a shell (no quoting, no injection through arguments) in
// its own process group, so a timeout or an abort also stops what it spawned
// (npx → node → the schema engine). Rejects only when it cannot start.
export function runProcess(argv: readonly string[], opts: RunProcessOptions): Promise<ProcessResult> {
  const [command, ...args] = argv;
  if (!command) return Promise.reject(new Error("No command given"));
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: opts.cwd, env: opts.env, shell: false, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    const stderrTail: string[] = [];
    let killedBy: ProcessResult["killedBy"] = null;
    let graceTimer: NodeJS.Timeout | undefined;

    const stop = (reason: "timeout" | "abort") => {
      if (killedBy || child.exitCode !== null) return;
      killedBy = reason;
      signalGroup(child.pid, "SIGTERM");
      graceTimer = setTimeout(() => signalGroup(child.pid, "SIGKILL"), killGraceMs);
    };
    const timer = setTimeout(() => stop("timeout"), opts.timeoutMs);
    const onAbort = () => stop("abort");
    opts.signal.addEventListener("abort", onAbort, { once: true });
    if (opts.signal.aborted) onAbort();

    splitLines(child.stdout, (line) => opts.onLine("stdout", line));
    splitLines(child.stderr, (line) => {
      stderrTail.push(line);
      if (stderrTail.length > tailLines) stderrTail.shift();
      opts.onLine("stderr", line);
    });

    const cleanup = () => {
      clearTimeout(timer);
      clearTimeout(graceTimer);
      opts.signal.removeEventListener("abort", onAbort);
    };
    child.once("error", (error) => {
      cleanup();
      reject(error);
    });
    child.once("close", (code) => {
      cleanup();
      resolve({ exitCode: code, killedBy, stderrTail: stderrTail.join("\n") });
    });
  });
}

function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

function splitLines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let buffer = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk: string) => {
    buffer += chunk;
    const lines = buffer.split(/\r?\n/);
    buffer = lines.pop() ?? "";
    for (const line of lines) onLine(line);
  });
  stream.on("end", () => {
    if (buffer) onLine(buffer);
  });
}

export function describeCommand(argv: readonly string[]): string {
  return argv.map((part) => (/^[\w@%+=:,./-]+$/.test(part) ? part : JSON.stringify(part))).join(" ");
}

// Why a finished process counts as failed, or null when it succeeded.
export function processFailure(argv: readonly string[], result: ProcessResult, timeoutMs: number): string | null {
  const command = describeCommand(argv);
  const tail = result.stderrTail ? `; stderr (last lines):\n${result.stderrTail}` : "";
  if (result.killedBy === "timeout") return `\`${command}\` timed out after ${Math.round(timeoutMs / 1000)} s and was stopped${tail}`;
  if (result.killedBy === "abort") return `\`${command}\` was stopped because the operation was paused or aborted${tail}`;
  if (result.exitCode !== 0) return `\`${command}\` exited with code ${result.exitCode ?? "none (killed by a signal)"}${tail}`;
  return null;
}
