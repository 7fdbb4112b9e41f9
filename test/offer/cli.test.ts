import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli";

describe("check-offer CLI", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "check-offer-"));

  it("--json prints the contract object; --jsonl one line per offer; plain text for people", () => {
    const one = runCli(
      ["check-offer", "--json", "Kerja di Malaysia, paspor ditahan majikan, gaji dipotong 6 bulan"],
      {
        dataDir,
      },
    );
    expect(one.status).toBe(0);
    const r = one.json[0] as {
      level: string;
      score: number;
      flags: { id: string; evidence: string }[];
      advice: string;
    };
    expect(Object.keys(r).sort()).toEqual(["advice", "flags", "level", "score"]);
    expect(r.level).toBe("high");
    expect(r.flags.map((f) => f.id)).toEqual(expect.arrayContaining(["document-retention", "debt-bondage"]));

    const many = runCli(["check-offer", "--jsonl", "--lang", "en"], {
      dataDir,
      input: `${JSON.stringify({ text: "No placement fee. Contract signed at Disnaker." })}\nnot json\n${JSON.stringify({ text: "tourist visa, pay a deposit of $500 first" })}\n`,
    });
    expect(many.json).toHaveLength(3);
    expect(many.json[0]).toMatchObject({ level: "low", flags: [] });
    expect(many.json[1]).toHaveProperty("error");
    expect(many.json[2]).toMatchObject({ level: "high" });

    const human = runCli(["check-offer", "Lowongan resmi lewat Disnaker, tanpa biaya"], { dataDir });
    expect(human.stdout).toContain("level: low");
    expect(human.stdout).toContain("tidak ditemukan tanda bahaya");
  });
});
