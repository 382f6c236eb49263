import { applyMigrations } from "./migrator";
import { resolveDatabase } from "./resolve-database";

// `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the
// embedded Postgres when DATABASE_URL is unset (joining it if the server runs).
async function main(): Promise<void> {
  const database = await resolveDatabase();
  try {
    const { applied } = await applyMigrations(database.url);
    console.log(applied.length === 0 ? "No pending migrations." : `Applied ${applied.length} migration(s): ${applied.join(", ")}`);
  } finally {
    await database.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
