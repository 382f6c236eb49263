import { spawn } from "node:child_process";
import { DriverError, type DriverLog } from "./types";

// Runs a team's script without a shell (arguments are passed as they are, so
// a value can never turn into shell syntax), kills it at the deadline, and
// copies its output to the operation log with secret values masked.

const OUTPUT_LIMIT = 256 * 1024;
const LOGGED_LINES = 200;
const TAIL_CHARS = 1000;

export interface ProcessResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  timeoutMs: number;
  cwd?: string;
  env: Record<string, string>;
  // Values to mask wherever they appear in what is logged or thrown.
  secrets: readonly string[];
  log: DriverLog;
}

// Launch Control's own environment (DATABASE_URL, NEXTAUTH_SECRET, …) is not
// passed on: a script sees a minimal environment plus what it was configured with.
export function baseEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ["PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR"]) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) if (secret) result = result.split(secret).join("[redacted]");
  return result;
}

export function runProcess(argv: readonly string[], options: RunOptions): Promise<ProcessResult> {
  const [program, ...args] = argv;
  if (!program) throw new DriverError("No program to run");
  const display = redact(argv.join(" "), options.secrets);
  options.log("info", `$ ${display}`);
  return new Promise((resolve, reject) => {
    // Its own process group, so a timeout kills the script and anything it started.
    // Next.js types NODE_ENV as always present in ProcessEnv; a script's
    // environment deliberately has only what baseEnvironment() and its config give.
    const env = options.env as NodeJS.ProcessEnv;
    const child = spawn(program, args, { cwd: options.cwd, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, options.timeoutMs);
    child.stdout.on("data", (chunk: Buffer) => (stdout = capped(stdout + chunk.toString("utf8"))));
    child.stderr.on("data", (chunk: Buffer) => (stderr = capped(stderr + chunk.toString("utf8"))));
    child.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new DriverError(`Could not start "${program}": ${error.code ?? error.message}`, { program, reason: error.message }));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      logOutput(options.log, "info", stdout, options.secrets);
      logOutput(options.log, "warn", stderr, options.secrets);
      if (timedOut) {
        reject(new DriverError(`"${display}" timed out after ${options.timeoutMs} ms and was killed`, { stderrTail: tail(stderr, options.secrets) }));
        return;
      }
      resolve({ exitCode: code ?? (signal ? 128 : 1), stdout, stderr });
    });
  });
}

export function tail(text: string, secrets: readonly string[]): string {
  const trimmed = redact(text, secrets).trimEnd();
  return trimmed.length > TAIL_CHARS ? `…${trimmed.slice(-TAIL_CHARS)}` : trimmed;
}

function capped(text: string): string {
  return text.length > OUTPUT_LIMIT ? text.slice(-OUTPUT_LIMIT) : text;
}

function logOutput(log: DriverLog, level: "info" | "warn", text: string, secrets: readonly string[]): void {
  const lines = redact(text, secrets).split("\n").filter((line) => line.trim() !== "");
  const shown = lines.slice(-LOGGED_LINES);
  if (lines.length > shown.length) log(level, `… ${lines.length - shown.length} earlier lines not shown`);
  for (const line of shown) log(level, line);
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // Already gone between the deadline and the kill.
  }
}
