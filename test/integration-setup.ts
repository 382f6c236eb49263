import { afterAll, inject } from "vitest";
import { disconnectPrisma } from "@/lib/db/client";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "integration-test-secret-that-is-long-enough";

afterAll(async () => {
  await disconnectPrisma();
});
