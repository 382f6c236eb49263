import { defineConfig } from "prisma/config";

// The URL is only needed by CLI commands that talk to a database; `generate`
// ignores it. The app itself builds its connection in lib/db/client.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/launch_control" },
});
