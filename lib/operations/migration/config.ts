import { z } from "zod";

// Setting key `migration`: how a migration operation changes the target
// application's database. The target's URL is a secret (it carries a
// password) and is kept apart from these settings, encrypted.

const integrityExpectation = z.union([
  z.strictObject({ equals: z.union([z.string(), z.number()]) }),
  // The value the check returned when the backup was taken must be unchanged
  // (row counts, checksums of reference data).
  z.strictObject({ sameAsBefore: z.literal(true) }),
]);

export const integrityCheckSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  // A query returning one row with one column.
  sql: z.string().trim().min(1),
  expect: integrityExpectation,
});

const commandSchema = z.array(z.string().min(1)).min(1);

export const migrationConfigSchema = z
  .strictObject({
    mode: z.enum(["sql", "command"]),
    // *.sql files applied in name order, each in its own transaction; files
    // must not manage transactions themselves (no BEGIN/COMMIT, no
    // CREATE INDEX CONCURRENTLY).
    sqlDir: z.string().min(1).optional(),
    // Run without a shell, e.g. ["npx", "prisma", "migrate", "deploy"].
    command: commandSchema.optional(),
    cwd: z.string().min(1).optional(),
    timeoutMs: z.number().int().min(1_000).max(24 * 3600_000).default(10 * 60_000),
    readOnly: z.boolean().default(false),
    // After this long, write transactions still open are terminated.
    readOnlyWaitMs: z.number().int().min(0).max(3600_000).default(30_000),
    backupDir: z.string().min(1).default(".data/backups"),
    integrityChecks: z.array(integrityCheckSchema).max(50).default([]),
    rollbackSqlFile: z.string().min(1).optional(),
    rollbackCommand: commandSchema.optional(),
  })
  .superRefine((config, ctx) => {
    if (config.mode === "sql" && !config.sqlDir) {
      ctx.addIssue({ code: "custom", path: ["sqlDir"], message: "SQL mode needs the directory of *.sql files" });
    }
    if (config.mode === "command" && !config.command) {
      ctx.addIssue({ code: "custom", path: ["command"], message: "Command mode needs the command to run" });
    }
    if (config.rollbackSqlFile && config.rollbackCommand) {
      ctx.addIssue({ code: "custom", path: ["rollbackCommand"], message: "Give either a rollback SQL file or a rollback command, not both" });
    }
    const seen = new Set<string>();
    config.integrityChecks.forEach((check, index) => {
      if (seen.has(check.name)) {
        ctx.addIssue({ code: "custom", path: ["integrityChecks", index, "name"], message: `Duplicate check name "${check.name}"` });
      }
      seen.add(check.name);
    });
  });

export type MigrationConfig = z.infer<typeof migrationConfigSchema>;
export type MigrationConfigInput = z.input<typeof migrationConfigSchema>;
export type IntegrityCheck = z.infer<typeof integrityCheckSchema>;

export const migrationSecretFields = ["targetDatabaseUrl"] as const;

export const migrationSecretsSchema = z.strictObject({
  targetDatabaseUrl: z
    .string()
    .refine((value) => /^postgres(ql)?:\/\//.test(value), "Must be a postgresql:// URL")
    .superRefine((value, ctx) => {
      const refusal = ownDatabaseRefusal(value);
      if (refusal) ctx.addIssue({ code: "custom", message: refusal });
    }),
});

export type MigrationSecrets = z.infer<typeof migrationSecretsSchema>;

// Settings and secrets both validated: what a migration step works from.
export interface ResolvedMigrationConfig {
  config: MigrationConfig;
  targetDatabaseUrl: string;
}

export class MigrationConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationConfigError";
  }
}

// The URL with its password replaced, for logs and error messages.
export function maskDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    const password = parsed.searchParams.get("password");
    if (password !== null) parsed.searchParams.set("password", "***");
    return parsed.toString();
  } catch {
    return "(unparseable database URL)";
  }
}

export interface DatabaseAddress {
  host: string;
  port: number;
  database: string;
}

// Where a URL points, as libpq would read it: `?host=` wins over the URL's
// host, the port defaults to 5432 and the database to the user's name.
export function databaseAddress(url: string): DatabaseAddress {
  const parsed = new URL(url);
  const host = parsed.searchParams.get("host") ?? decodeURIComponent(parsed.hostname.replace(/^\[|\]$/g, ""));
  const port = Number(parsed.searchParams.get("port") ?? (parsed.port || 5432));
  const user = decodeURIComponent(parsed.username);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, "")) || parsed.searchParams.get("dbname") || user || "postgres";
  return { host: normaliseHost(host), port, database };
}

// Every way of saying "this machine" counts as the same host: refusing a
// migration against a different local server is the safe mistake; running it
// against Launch Control's own data is not.
function normaliseHost(host: string): string {
  const lower = host.toLowerCase();
  if (lower === "" || lower === "localhost" || lower === "::1" || lower.startsWith("127.") || lower.startsWith("/")) return "local";
  return lower;
}

// A reason to refuse `targetUrl`, or null when it is a different database
// from the one Launch Control itself uses (DATABASE_URL).
export function ownDatabaseRefusal(targetUrl: string, ownUrl: string | undefined = process.env.DATABASE_URL): string | null {
  if (!ownUrl) return null;
  let target: DatabaseAddress;
  let own: DatabaseAddress;
  try {
    target = databaseAddress(targetUrl);
    own = databaseAddress(ownUrl);
  } catch {
    return "The target database URL cannot be parsed";
  }
  if (target.host === own.host && target.port === own.port && target.database === own.database) {
    return (
      `The target database ${maskDatabaseUrl(targetUrl)} is Launch Control's own database ` +
      `(${own.database} on port ${own.port}); a migration must target the application's database`
    );
  }
  return null;
}

export function resolveMigrationConfig(settings: unknown, secrets: Record<string, string>): ResolvedMigrationConfig {
  const config = migrationConfigSchema.safeParse(settings);
  if (!config.success) {
    throw new MigrationConfigError(`The migration settings are invalid: ${describeIssues(config.error)}`);
  }
  const parsedSecrets = migrationSecretsSchema.safeParse({ targetDatabaseUrl: secrets.targetDatabaseUrl });
  if (!parsedSecrets.success) {
    if (!secrets.targetDatabaseUrl) throw new MigrationConfigError("The migration settings have no target database URL");
    throw new MigrationConfigError(`The target database URL is refused: ${describeIssues(parsedSecrets.error)}`);
  }
  return { config: config.data, targetDatabaseUrl: parsedSecrets.data.targetDatabaseUrl };
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message)).join("; ");
}
