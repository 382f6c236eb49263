// `npm test`: every test, in order of cost — types, unit, integration against
// real Postgres, then the browser tests against the production build.
// `npm test -- --only unit,integration` runs a subset.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { buildIfStale } from "./build-if-stale.mjs";

const onlyIndex = process.argv.indexOf("--only");
const only = onlyIndex > 0 ? new Set(process.argv[onlyIndex + 1].split(",")) : null;
const wanted = (stage) => !only || only.has(stage);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const results = [];

function run(stage, command, args, extraEnv = {}) {
  console.log(`\n=== ${stage}: ${command} ${args.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  const ok = result.status === 0;
  results.push({ stage, ok, seconds: Math.round((Date.now() - started) / 1000) });
  return ok;
}

async function withE2eDatabase(work) {
  const serverUrl = new URL(process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  const name = `lc_e2e_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    return work(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

if (wanted("types")) run("types", "npx", ["tsc", "--noEmit"]);
if (wanted("unit")) run("unit", "npx", ["vitest", "run", "--project", "unit"]);
if (wanted("integration")) run("integration", "npx", ["vitest", "run", "--project", "integration"]);
if (wanted("e2e")) {
  const built = buildIfStale() === 0;
  if (!built) results.push({ stage: "build", ok: false, seconds: 0 });
  else
    await withE2eDatabase((url) =>
      run("e2e", "npx", ["playwright", "test"], {
        E2E_DATABASE_URL: url,
        E2E_DEMO_PASSWORD: randomBytes(18).toString("base64url"),
        E2E_AUTH_SECRET: randomBytes(32).toString("base64url"),
      }),
    );
}

console.log("\n=== summary");
for (const { stage, ok, seconds } of results) console.log(`${ok ? "ok  " : "FAIL"} ${stage} (${seconds}s)`);
process.exit(results.every((result) => result.ok) ? 0 : 1);
