import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli";

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
