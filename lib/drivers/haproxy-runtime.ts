import { connect, type Socket } from "node:net";
import type { HaproxyAddress } from "./config";
import { DriverError } from "./types";

// HAProxy's runtime API in its non-interactive mode: one command per
// connection; HAProxy answers and closes. No session state can leak between
// calls, and a half-read answer never confuses the next command.

const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

export function describeAddress(address: HaproxyAddress): string {
  return address.type === "tcp" ? `tcp://${address.host}:${address.port}` : `unix:${address.path}`;
}

export function runtimeCommand(address: HaproxyAddress, command: string, timeoutMs: number): Promise<string> {
  if (/[\n\r;]/.test(command)) throw new DriverError("Refusing a runtime-API command with a separator in it", { command });
  const where = describeAddress(address);
  return new Promise((resolve, reject) => {
    const socket: Socket = address.type === "tcp" ? connect({ host: address.host, port: address.port }) : connect({ path: address.path });
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (error: DriverError | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(Buffer.concat(chunks).toString("utf8"));
    };
    const timer = setTimeout(
      () => finish(new DriverError(`HAProxy runtime API at ${where} did not answer "${command}" within ${timeoutMs} ms`, { address: where, command })),
      timeoutMs,
    );
    // Written, not ended: HAProxy answers, then closes the connection itself.
    socket.on("connect", () => socket.write(`${command}\n`));
    socket.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_RESPONSE_BYTES) return finish(new DriverError(`HAProxy's answer to "${command}" exceeded ${MAX_RESPONSE_BYTES} bytes`));
      chunks.push(chunk);
    });
    socket.on("end", () => finish(null));
    socket.on("error", (error: NodeJS.ErrnoException) =>
      finish(
        new DriverError(`HAProxy runtime API at ${where} is unreachable: ${error.code ?? error.message}`, {
          address: where,
          command,
          reason: error.message,
        }),
      ),
    );
  });
}

export interface StatRow {
  proxy: string;
  server: string;
  status: string;
  // The weight the administrator (we) set; `weight` is HAProxy's effective
  // weight, which slow-start may hold below it for a while.
  userWeight: number;
  effectiveWeight: number;
  checkStatus: string;
  checkDescription: string;
  lastChange: number | null;
  fields: Record<string, string>;
}

// `show stat` is CSV with a `# pxname,svname,…` header; columns differ between
// versions, so fields are read by name, never by position.
export function parseShowStat(csv: string): StatRow[] {
  const lines = csv.split("\n").filter((line) => line.trim() !== "");
  const header = lines[0];
  if (!header?.startsWith("# ")) throw new DriverError("HAProxy's `show stat` answer has no CSV header", { answer: csv.slice(0, 500) });
  const names = header.slice(2).split(",");
  return lines.slice(1).map((line) => {
    const values = line.split(",");
    const fields: Record<string, string> = {};
    names.forEach((name, index) => {
      if (name && name !== "-") fields[name] = values[index] ?? "";
    });
    const effectiveWeight = Number(fields.weight ?? "");
    const userWeight = fields.uweight ? Number(fields.uweight) : effectiveWeight;
    return {
      proxy: fields.pxname ?? "",
      server: fields.svname ?? "",
      status: fields.status ?? "",
      userWeight,
      effectiveWeight,
      checkStatus: fields.check_status ?? "",
      checkDescription: fields.check_desc ?? "",
      lastChange: fields.lastchg ? Number(fields.lastchg) : null,
      fields,
    };
  });
}

// Serving means HAProxy would route to the server if its weight allowed:
// "UP", "UP 1/3" (failing checks but not yet down) or "no check" (checks off).
// DOWN, MAINT, DRAIN and NOLB get no new traffic whatever the weight.
export function serverHealth(row: StatRow): { healthy: boolean; detail: string } {
  const healthy = /^UP\b/.test(row.status) || row.status === "no check";
  const check = [row.checkStatus, row.checkDescription].filter(Boolean).join(" ");
  const detail = row.status === "no check" ? "no check (health checks are off in HAProxy)" : check ? `${row.status} (${check})` : row.status;
  return { healthy, detail };
}
