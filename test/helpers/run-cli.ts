import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../bot/paths";

/** Runs `bot/cli/main.ts` through tsx, as `npm run -s cli --` does, with its own DATA_DIR. */
export function runCli(
  args: string[],
  options: { input?: string; dataDir: string; env?: Record<string, string> },
) {
  const tsx = join(PROJECT_ROOT, "node_modules", ".bin", "tsx");
  const r = spawnSync(tsx, [join(PROJECT_ROOT, "bot", "cli", "main.ts"), ...args], {
    input: options.input ?? "",
    encoding: "utf8",
    env: { ...process.env, NODE_ENV: "production", DATA_DIR: options.dataDir, ...options.env },
    timeout: 60_000,
  });
  const json = (r.stdout ?? "")
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { status: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "", json };
}
