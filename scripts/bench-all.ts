/**
 * npm run bench — runs every `bench:*` script in package.json in turn and prints their figures.
 * Extra arguments (e.g. --json) are passed on to each.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, "utf8")) as { scripts: Record<string, string> };
const names = Object.keys(pkg.scripts).filter((n) => n.startsWith("bench:"));
let failed = 0;
for (const name of names) {
  process.stdout.write(`\n=== npm run ${name}\n`);
  const r = spawnSync("npm", ["run", "-s", name, "--", ...process.argv.slice(2)], {
    cwd: root,
    stdio: "inherit",
  });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
