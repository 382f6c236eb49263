import { z } from "zod";

// The process's settings, validated once at start. README lists each one.
const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  ROLE: z.enum(["web", "worker", "all"]).default("all"),
  DATABASE_URL: z.string().url().optional(),
  REDIS_URL: z.string().url().optional(),
  TRUST_PROXY: z.enum(["0", "1"]).default("0"),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  DEMO: z.enum(["0", "1"]).default("1"),
  DEMO_USERS: z.enum(["0", "1"]).default("1"),
  DEMO_PASSWORD: z.string().min(12, "DEMO_PASSWORD must be at least 12 characters").optional(),
});

export type ServerEnv = z.infer<typeof envSchema>;

export function readServerEnv(source: NodeJS.ProcessEnv = process.env): ServerEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
