// Prisma's CLI insists on a schema-engine binary even for `generate`, and it
// would download one from Prisma's servers, which air-gapped sites (and our
// build machines) cannot reach. `generate` never runs that engine, so any
// existing file satisfies the check; see STYLE.md.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

if (!existsSync("prisma/schema.prisma")) process.exit(0);
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
const r = spawnSync("npx", ["prisma", "generate"], { stdio: "inherit", env });
process.exit(r.status ?? 1);
