/**
 * bench:http — `npm start` (tsx bot/main.ts) on lowdb with --users stored people (100,000),
 * driven over HTTP for --seconds (30) by --clients concurrent clients (50) from --chats
 * chats (1,000), each client a small bounded loop of POST /api/chat on keep-alive
 * connections, on the same machine. Prints msgs_per_s, p50_ms, p99_ms, errors, peak_rss_mb.
 *   npm run bench:http [-- --json] [-- --seconds 10 --users 10000]
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openFileStore } from "../bot/store/open-store";
import { percentile, report } from "./bench-util";

const argv = process.argv.slice(2);
const json = argv.includes("--json");
const num = (name: string, dflt: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
const USERS = num("users", 100_000);
const SECONDS = num("seconds", 30);
const CLIENTS = num("clients", 50);
const CHATS = num("chats", 1_000);
const TEXTS = [
  "menu",
  "dokumen apa aja buat kerja di jepang",
  "bahasa",
  "2",
  "berapa biaya ke korea",
  "bantuan",
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function seed(dir: string): Promise<void> {
  const store = await openFileStore(dir);
  const t0 = "2026-11-01T00:00:00.000Z";
  for (let u = 0; u < USERS; u++) {
    const key = `web:user-${u}`;
    store.putUser({
      key,
      channel: "web",
      chatId: `user-${u}`,
      profile: {},
      consent: {},
      createdAt: t0,
      lastSeenAt: t0,
    });
    store.putSession(key, { flow: "language", state: { asked: true }, updatedAt: t0 });
  }
  await store.close();
}

function peakRssMb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "bench-http-"));
  const root = fileURLToPath(new URL("..", import.meta.url));
  await seed(dir);
  const port = await freePort();
  // `npm start` is `tsx bot/main.ts`; node --import tsx runs the same in one process, so its RSS is the server's.
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "bot", "main.ts")], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dir,
      LOG_LEVEL: "warn",
      RATE_LIMIT_PER_MINUTE: "10000",
      TELEGRAM_BOT_TOKEN: "",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on("data", (d) => String(d).includes("is running") && resolve());
      child.once("exit", (code) => reject(new Error(`npm start exited with ${code}`)));
    });
    const url = `http://127.0.0.1:${port}/api/chat`;
    const latencies: number[] = [];
    let errors = 0;
    let peak = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, peakRssMb(child.pid ?? 0));
    }, 200);
    const end = Date.now() + SECONDS * 1000;
    let seq = 0;
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, c) => {
        while (Date.now() < end) {
          const n = seq++;
          const chat = `bench-${(c + n * CLIENTS) % CHATS}`;
          const started = performance.now();
          try {
            const res = await fetch(url, {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ chat, text: TEXTS[n % TEXTS.length] }),
            });
            await res.arrayBuffer();
            if (res.status !== 200) errors++;
          } catch {
            errors++;
          }
          latencies.push(performance.now() - started);
        }
      }),
    );
    clearInterval(sampler);
    peak = Math.max(peak, peakRssMb(child.pid ?? 0));
    latencies.sort((a, b) => a - b);
    report(
      "bench:http",
      {
        clients: CLIENTS,
        chats: CHATS,
        users: USERS,
        msgs_per_s: Math.round(latencies.length / SECONDS),
        p50_ms: Number(percentile(latencies, 50).toFixed(1)),
        p99_ms: Number(percentile(latencies, 99).toFixed(1)),
        max_ms: Number((latencies.at(-1) ?? 0).toFixed(1)),
        errors,
        peak_rss_mb: Math.round(peak),
      },
      json,
    );
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(1);
});
