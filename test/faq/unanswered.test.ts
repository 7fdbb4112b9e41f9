import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listUnanswered, logUnanswered, redact } from "../../bot/faq/unanswered-log";
import { openFileRepositories } from "../../bot/store/store-repositories";
import { runCli } from "../helpers/run-cli";

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? filesUnder(join(dir, d.name)) : [join(dir, d.name)],
  );
}

describe("unanswered log", () => {
  it("masks phone numbers, e-mails and handles", () => {
    expect(redact("hubungi 0812-3456-7890 atau a.b@mail.com @agenku")).toBe(
      "hubungi [nomor] atau [email] [akun]",
    );
  });

  it("persists text and counts only, and lists them with counts from the CLI", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "ma-faq-"));
    const store = await openFileRepositories(dataDir);
    const now = new Date("2026-11-28T08:00:00Z");
    await logUnanswered(store.unanswered, "cuaca besok gimana?", "id", now);
    await logUnanswered(store.unanswered, "Cuaca besok gimana?", "id", now);
    await logUnanswered(store.unanswered, "what's the weather", "en", now);
    await store.close();

    const reopened = await openFileRepositories(dataDir, { readOnly: true });
    const rows = await listUnanswered(reopened.unanswered);
    await reopened.close();
    expect(rows.map((r) => [r.text, r.count])).toEqual([
      ["cuaca besok gimana?", 2],
      ["what's the weather", 1],
    ]);
    for (const f of filesUnder(dataDir)) expect(readFileSync(f, "utf8")).not.toMatch(/web:|telegram:|chatId/);

    const cli = runCli(["unanswered", "--json"], { dataDir });
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.json).toEqual([
      { text: "cuaca besok gimana?", count: 2, lang: "id", lastSeen: "2026-11-28" },
      { text: "what's the weather", count: 1, lang: "en", lastSeen: "2026-11-28" },
    ]);
    const human = runCli(["unanswered"], { dataDir });
    expect(human.stdout).toContain("2  id  cuaca besok gimana?");
  });
});

describe("npm run cli -- ask", () => {
  it("prints the contract shape, one line per question with --jsonl, in the question's language", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "ma-ask-"));
    const input = ["brp biaya jadi tkw", "What is the Middle East ban?", "resep rendang", "{bad"]
      .map((t) => (t.startsWith("{") ? t : JSON.stringify({ text: t })))
      .join("\n");
    const r = runCli(["ask", "--jsonl"], { input, dataDir });
    expect(r.status, r.stderr).toBe(0);
    const [costs, me, oos, bad] = r.json as {
      faq: string | null;
      score: number;
      answer: string;
      suggestions: string[];
      error?: string;
    }[];
    expect(costs).toMatchObject({ faq: "costs" });
    expect(costs!.score).toBeGreaterThan(0);
    expect(costs!.score).toBeLessThanOrEqual(1);
    expect(costs!.answer).toContain("Dasar:");
    expect(Array.isArray(costs!.suggestions)).toBe(true);
    expect(me).toMatchObject({ faq: "middle-east" });
    expect(me!.answer).toContain("Basis:");
    expect(oos).toMatchObject({ faq: null, score: 0 });
    expect(oos!.suggestions.length).toBeGreaterThan(0);
    expect(bad?.error).toBeDefined();

    // --lang sets the default; a question clearly in the other language still wins.
    const one = runCli(["ask", "--json", "--lang", "en", "paspor"], { dataDir });
    expect(one.json[0]).toMatchObject({ faq: "passport" });
    expect(String(one.json[0]!.answer)).toContain("Work passport");
    const two = runCli(["ask", "--json", "--lang", "en", "berapa umur minimal jadi pmi"], { dataDir });
    expect(two.json[0]).toMatchObject({ faq: "requirements" });
    expect(String(two.json[0]!.answer)).toContain("paling sedikit 18 tahun");
  });
});
