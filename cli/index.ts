import { parseArgs } from "node:util";
import { disconnectPrisma } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrator";
import { resolveDatabase } from "@/lib/db/resolve-database";
import { isAppError } from "@/lib/errors";
import type { IssueDetail } from "@/lib/http/respond";
import { tokenCreate, tokenRevoke, UsageError, userCreate, userList, type Flags, type Io } from "./commands";

const usage = `Usage: npm run cli -- <command> [options]

  user create --email E --role R [--name N] [--update] --password-stdin
  user list
  token create --email E --name N [--expires-days D]
  token revoke --id ID

Roles: ADMIN, RELEASE_MANAGER, APPROVER, ENGINEER, MARKETING, VIEWER.
Uses DATABASE_URL, or the embedded database under .data/ when it is unset.`;

const commands: Record<string, (flags: Flags, io: Io) => Promise<void>> = {
  "user create": userCreate,
  "user list": userList,
  "token create": tokenCreate,
  "token revoke": tokenRevoke,
};

const io: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  readStdin: async () => {
    if (process.stdin.isTTY) process.stderr.write("Password: ");
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  },
};

// Exit 2 for a misuse of the command line, 1 for anything that went wrong
// while doing the work; messages only, never a stack trace.
async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      email: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
      id: { type: "string" },
      "expires-days": { type: "string" },
      "password-stdin": { type: "boolean" },
      update: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  const command = commands[positionals.slice(0, 2).join(" ")];
  if (values.help || !command || positionals.length !== 2) {
    process.stderr.write(`${usage}\n`);
    return values.help ? 0 : 2;
  }
  const database = await resolveDatabase({ log: (message) => process.stderr.write(`${message}\n`) });
  try {
    await applyMigrations(database.url, { log: (message) => process.stderr.write(`${message}\n`) });
    await command(values, io);
    return 0;
  } finally {
    await disconnectPrisma();
    await database.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Error: ${describe(error)}\n`);
    process.exit(isUsageError(error) ? 2 : 1);
  },
);

function describe(error: unknown): string {
  if (isAppError(error)) {
    const issues = Array.isArray(error.details) ? (error.details as IssueDetail[]) : [];
    return [error.message, ...issues.map((issue) => `  ${issue.path.join(".") || "value"}: ${issue.message}`)].join("\n");
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

function isUsageError(error: unknown): boolean {
  if (error instanceof UsageError) return true;
  if (isAppError(error)) return error.code === "VALIDATION_FAILED";
  return error instanceof Error && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS");
}
