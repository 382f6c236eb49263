import { z } from "zod";

// Driver configuration as stored in the `driver.production` and
// `driver.rehearsal` release settings. Secrets (the webhook's signing key, the
// command driver's secret environment variables) are not part of this object:
// they live encrypted beside it and are named by `driverSecretFields`.

const timeoutMs = z.int().min(100).max(600_000).default(10_000).meta({ description: "How long one call may take, in ms" });

// HAProxy names are interpolated into runtime-API commands, where `;` and a
// newline separate commands: only the characters HAProxy itself allows in
// proxy and server names get through.
const haproxyName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.:-]+$/, "Letters, digits and _ . : - only, as HAProxy names allow");

const tcpAddress = /^tcp:\/\/(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/;
const unixAddress = /^unix:(\/.+)$/;

export type HaproxyAddress = { type: "tcp"; host: string; port: number } | { type: "unix"; path: string };

export function parseHaproxyAddress(address: string): HaproxyAddress | null {
  const tcp = tcpAddress.exec(address);
  if (tcp) {
    const port = Number(tcp[2]);
    if (port < 1 || port > 65535) return null;
    return { type: "tcp", host: tcp[1]!.replace(/^\[(.*)\]$/, "$1"), port };
  }
  const unix = unixAddress.exec(address);
  return unix ? { type: "unix", path: unix[1]! } : null;
}

// Placeholders a command argument may contain, and where each makes sense.
export const commandPlaceholders = ["weight", "greenPercent", "bluePercent", "environment"] as const;
export type CommandPlaceholder = (typeof commandPlaceholders)[number];
const placeholderPattern = /\{([A-Za-z]+)\}/g;

export function placeholdersIn(argv: readonly string[]): string[] {
  return argv.flatMap((arg) => [...arg.matchAll(placeholderPattern)].map((match) => match[1]!));
}

function commandArgv(allowed: readonly CommandPlaceholder[], what: string) {
  return z
    .array(z.string().max(4096))
    .min(1, `${what} needs at least the program to run`)
    .max(64)
    .refine((argv) => argv.length === 0 || argv[0]!.trim() !== "", { message: "The program (first element) must not be empty" })
    .superRefine((argv, ctx) => {
      for (const name of placeholdersIn(argv)) {
        if (!(allowed as readonly string[]).includes(name)) {
          const hint = allowed.length ? `allowed here: ${allowed.map((p) => `{${p}}`).join(", ")}` : "this command takes no placeholders";
          ctx.addIssue({ code: "custom", message: `Unknown placeholder {${name}}; ${hint}` });
        }
      }
    });
}

const envName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, "Environment variable names: upper case, digits and _").max(128);

export const simulatedDriverConfig = z.strictObject({ kind: z.literal("simulated") }).meta({ id: "SimulatedDriverConfig" });

export const haproxyDriverConfig = z
  .strictObject({
    kind: z.literal("haproxy"),
    address: z
      .string()
      .refine((value) => parseHaproxyAddress(value) !== null, { message: 'Use "tcp://host:port" or "unix:/absolute/path"' })
      .meta({ description: "HAProxy runtime API (stats socket at level admin)", example: "unix:/run/haproxy/admin.sock" }),
    backend: haproxyName,
    blueServer: haproxyName,
    greenServer: haproxyName,
    timeoutMs,
  })
  .refine((config) => config.blueServer !== config.greenServer, { message: "Blue and green must be different servers", path: ["greenServer"] })
  .meta({ id: "HaproxyDriverConfig" });

export const commandDriverConfig = z
  .strictObject({
    kind: z.literal("command"),
    setSplitCommand: commandArgv(commandPlaceholders, "setSplitCommand")
      .refine((argv) => placeholdersIn(argv).length > 0, { message: "setSplitCommand must use {greenPercent}, {bluePercent} or {weight} with {environment}" })
      .refine((argv) => placeholdersIn(argv).includes("environment") || !placeholdersIn(argv).includes("weight"), {
        message: "{weight} is per environment: use it together with {environment}",
      })
      .meta({
        description:
          "argv, run without a shell. With {environment} it runs once per environment (green first) with that environment's {weight}; otherwise once with {greenPercent}/{bluePercent}.",
        example: ["/opt/lb/set-weight", "{environment}", "{weight}"],
      }),
    readStateCommand: commandArgv([], "readStateCommand").meta({
      description: 'Prints JSON {"greenPercent": n, "weights"?: {"blue": n, "green": n}, "health"?: {"blue": {"healthy": b, "detail": s}, …}}',
    }),
    healthCommand: commandArgv(["environment"], "healthCommand").meta({ description: "Exit 0 = healthy; any other exit = unhealthy" }),
    timeoutMs,
    cwd: z.string().startsWith("/", "cwd must be an absolute path").optional(),
    secretEnv: z.array(envName).max(32).default([]).meta({ description: "Environment variables whose values are stored as secrets" }),
  })
  .meta({ id: "CommandDriverConfig" });

export const webhookDriverConfig = z
  .strictObject({
    kind: z.literal("webhook"),
    url: z.url({ protocol: /^https?$/ }).max(2000),
    timeoutMs,
  })
  .meta({ id: "WebhookDriverConfig" });

export const driverConfigSchema = z
  .discriminatedUnion("kind", [simulatedDriverConfig, haproxyDriverConfig, commandDriverConfig, webhookDriverConfig])
  .meta({ id: "DriverConfig" });

export type DriverConfig = z.infer<typeof driverConfigSchema>;
export type HaproxyDriverConfig = z.infer<typeof haproxyDriverConfig>;
export type CommandDriverConfig = z.infer<typeof commandDriverConfig>;
export type WebhookDriverConfig = z.infer<typeof webhookDriverConfig>;

export const defaultDriverConfig: DriverConfig = { kind: "simulated" };

// The secret values a configuration needs; each must be set before it is saved.
export function driverSecretFields(config: DriverConfig): string[] {
  switch (config.kind) {
    case "webhook":
      return ["signingSecret"];
    case "command":
      return [...config.secretEnv];
    default:
      return [];
  }
}
