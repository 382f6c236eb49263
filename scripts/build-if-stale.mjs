// Builds the production bundle when `.next/BUILD_ID` is missing or older than
// any source file; shared by `npm start` and `npm test`.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const sourceRoots = ["app", "components", "lib", "messages", "i18n", "public", "next.config.js", "package.json", "postcss.config.mjs"];
const skip = new Set(["node_modules", "generated", ".next"]);

function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of readdirSync(entry)) {
    if (skip.has(child) || child.endsWith(".test.ts")) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

export function buildIfStale() {
  const buildId = ".next/BUILD_ID";
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const sourcesAt = Math.max(...sourceRoots.map(newestMtime));
  if (builtAt >= sourcesAt && process.env.FORCE_BUILD !== "1") return 0;
  console.log("[launch-control] building the production bundle (first start or sources changed)…");
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  return build.status ?? 1;
}
