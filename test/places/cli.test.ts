import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { runCli } from "../helpers/run-cli";

describe("programme and find-office CLIs", () => {
  test("programme add (codes or names) / list --region / remove; bad input is refused", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "programmes-"));
    const add = runCli(
      [
        "programme",
        "add",
        "--json",
        "--title",
        "Bahasa Korea EPS-TOPIK",
        "--provider",
        "Disnaker Kota Lubuklinggau",
        "--start",
        "2099-01-10",
        "--place",
        "Lubuk Linggau",
        "--regions",
        "lubuk linggau,16.05",
        "--cost",
        "free",
        "--destinations",
        "korea",
        "--register",
        "datang ke Disnaker",
        "--source",
        "pengumuman (uji)",
      ],
      { dataDir },
    );
    expect(add.status).toBe(0);
    const added = add.json[0]!.programme as { id: string; regions: string[] };
    expect(added.regions).toEqual(["16.73", "16.05"]);
    const bad = runCli(["programme", "add", "--title", "X", "--regions", "bekasi"], { dataDir });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/ambiguous/);
    const list = runCli(["programme", "list", "--json", "--region", "16.73.02"], { dataDir });
    expect((list.json[0]!.programmes as { id: string }[]).map((p) => p.id)).toEqual([added.id]);
    const removed = runCli(["programme", "remove", added.id], { dataDir });
    expect(removed.status).toBe(0);
    expect(runCli(["programme", "list", "--json"], { dataDir }).json[0]).toEqual({ programmes: [] });
  });

  test("find-office --jsonl: one contract object a line, choices for ambiguous names", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "find-office-"));
    const r = runCli(["find-office", "--jsonl"], {
      dataDir,
      input: '{"text":"LLG"}\n{"text":"bekasi"}\nnope\n',
    });
    expect(r.status).toBe(0);
    expect(r.json[0]).toMatchObject({
      region: { code: "16.73", name: "Kota Lubuk Linggau" },
      candidates: [],
    });
    expect(r.json[1]).toMatchObject({ region: null, offices: [] });
    expect((r.json[1]!.candidates as { code: string }[]).map((c) => c.code)).toEqual(["32.16", "32.75"]);
    expect(r.json[2]).toEqual({ error: "invalid JSON line" });
  });
});
