import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createWebApp } from "../../adapters/web/app";
import { loadConfig } from "../../bot/config";
import { createLogger } from "../../bot/logger";
import { PROJECT_ROOT } from "../../bot/paths";
import { openFileRepositories } from "../../bot/store/store-repositories";
import { createBot } from "../../bot/wiring";
import { CAPABILITIES } from "../../flows/capabilities";
import { runCli } from "../helpers/run-cli";
import { serveApp } from "../helpers/serve-app";

describe("npm run cli -- chat --jsonl", () => {
  it("answers a scripted conversation line by line and keeps state between runs", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "ma-cli-"));
    const input = [
      { chat: "c1", text: "halo" },
      { chat: "c1", text: "bahasa" },
      { chat: "c1", text: "2" },
      { chat: "c2", choice: "menu:language" },
      "not json",
      { chat: "c1", text: "menu" },
    ]
      .map((x) => (typeof x === "string" ? x : JSON.stringify(x)))
      .join("\n");
    const r = runCli(["chat", "--jsonl"], { input, dataDir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.json).toHaveLength(6);
    const [hello, lang, en, c2, bad, menu] = r.json as {
      chat?: string;
      replies: { text: string }[];
      meta: Record<string, unknown>;
      error?: string;
    }[];
    expect(hello?.chat).toBe("c1");
    expect(hello?.replies[0]?.text).toContain("Halo!");
    expect(lang?.meta.flow).toBe("language");
    expect(en?.meta.lang).toBe("en");
    expect(c2?.chat).toBe("c2");
    expect(c2?.meta.flow).toBe("language");
    expect(bad?.error).toBeDefined();
    expect(menu?.replies[0]?.text).toContain("What would you like to do?");

    const again = runCli(["chat", "--jsonl"], {
      input: JSON.stringify({ chat: "c1", text: "menu" }),
      dataDir,
    });
    expect((again.json[0] as { replies: { text: string }[] }).replies[0]?.text).toContain(
      "What would you like",
    );
  });

  it("stops with a clear message on a wrong setting", () => {
    const r = runCli(["chat", "--jsonl"], {
      dataDir: mkdtempSync(join(tmpdir(), "ma-cli-")),
      env: { PORT: "abc" },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("PORT");
  });
});

describe("npm run cli -- chat --url beside a running bot", () => {
  it("talks to the running bot through its local API while the bot holds DATA_DIR", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "ma-cli-url-"));
    const repos = await openFileRepositories(dataDir);
    const bot = createBot({
      capabilities: CAPABILITIES,
      config: loadConfig({ RATE_LIMIT_PER_MINUTE: "1000", DATA_DIR: dataDir }),
      repos,
      log: createLogger("silent"),
    });
    const server = await serveApp(createWebApp(bot));
    try {
      const tsx = join(PROJECT_ROOT, "node_modules", ".bin", "tsx");
      const child = spawn(
        tsx,
        [join(PROJECT_ROOT, "bot", "cli", "main.ts"), "chat", "--jsonl", "--url", server.url],
        {
          env: { ...process.env, NODE_ENV: "production", DATA_DIR: dataDir },
        },
      );
      let out = "";
      child.stdout.on("data", (d) => {
        out += String(d);
      });
      child.stdin.end(
        `${JSON.stringify({ chat: "u1", text: "halo" })}\n${JSON.stringify({ chat: "u1", text: "bahasa" })}\n`,
      );
      const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
      expect(code).toBe(0);
      const lines = out
        .split("\n")
        .filter((l) => l.startsWith("{"))
        .map((l) => JSON.parse(l) as { chat: string; replies: { text: string }[]; meta: { flow?: string } });
      expect(lines).toHaveLength(2);
      expect(lines[0]?.replies[0]?.text).toContain("Halo!");
      expect(lines[1]?.meta.flow).toBe("language");
      expect(await repos.people.get("web:u1")).toBeDefined();
    } finally {
      await server.stop();
      await repos.close();
    }
  }, 60_000);
});
