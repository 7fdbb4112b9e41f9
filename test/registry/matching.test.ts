import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lookup } from "../../bot/registry/lookup";
import { createMatcher } from "../../bot/registry/matcher";
import { nameKey } from "../../bot/registry/normalize-name";
import { parseRegistryCsv } from "../../bot/registry/parse-csv";

const fixtures = join(import.meta.dirname, "fixtures");
const { records } = parseRegistryCsv(readFileSync(join(fixtures, "registry-test.csv"), "utf8"), {
  now: new Date("2026-11-28T00:00:00Z"),
});
const matcher = createMatcher(records);

interface Case {
  text: string;
  status: string[];
  name?: string;
  top?: string;
}
const cases: Case[] = readFileSync(join(fixtures, "queries-test.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));

describe("registry matching on our own labelled set", () => {
  it("is accurate and never says licensed wrongly", () => {
    let ok = 0;
    const misses: string[] = [];
    const dangerous: string[] = [];
    for (const c of cases) {
      const r = lookup(matcher, c.text);
      let good = c.status.includes(r.status);
      if (good && c.name) good = r.match?.name === c.name;
      if (good && c.top) good = r.candidates[0]?.name === c.top;
      if (good) ok++;
      else
        misses.push(`${c.text} -> ${r.status} ${r.match?.name ?? r.candidates.map((x) => x.name).join("|")}`);
      if (r.status === "licensed" && (!c.status.includes("licensed") || r.match?.name !== c.name)) {
        dangerous.push(c.text);
      }
    }
    expect(dangerous).toEqual([]);
    expect(ok / cases.length, misses.join("\n")).toBeGreaterThanOrEqual(0.95);
  });
});

describe("matching safety", () => {
  const licensed = records.filter((r) => r.status === "licensed");
  const keys = new Set(records.map((r) => nameKey(r.name)));

  it("never answers licensed for a name that is not exactly in the registry (typo, extra word, dropped word)", () => {
    const mutate = fc.oneof(
      fc.record({ kind: fc.constant("typo" as const), at: fc.nat(), ch: fc.constantFrom(..."aeiouxzkq") }),
      fc.record({
        kind: fc.constant("extra" as const),
        word: fc.constantFrom("jaya", "abadi", "baru", "indo", "raya"),
      }),
      fc.record({ kind: fc.constant("drop" as const), at: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...licensed), mutate, fc.boolean(), (rec, m, prefix) => {
        const words = rec.name.split(" ").slice(1);
        if (m.kind === "typo") {
          const w = m.at % words.length;
          const word = words[w]!;
          const i = m.at % word.length;
          words[w] = word.slice(0, i) + m.ch + word.slice(i + 1);
        } else if (m.kind === "extra") words.push(m.word);
        else if (words.length > 1) words.splice(m.at % words.length, 1);
        const text = `${prefix ? "PT " : ""}${words.join(" ")}`;
        const r = lookup(matcher, text);
        if (keys.has(nameKey(text))) return r.match !== undefined && nameKey(r.match.name) === nameKey(text);
        return r.status !== "licensed";
      }),
      { numRuns: 400 },
    );
  });

  it("answers a near name as ambiguous with the intended company first", () => {
    const r = lookup(matcher, "PT Cahaya Mitra Karyaa");
    expect(r.status).toBe("ambiguous");
    expect(r.candidates[0]?.name).toBe("PT Cahaya Mitra Karya");
  });

  it("does not trust a name paired with another company's licence number", () => {
    const r = lookup(matcher, "PT Cahaya Mitra Karya SIP3MI-2019-0101");
    expect(r.status).toBe("ambiguous");
    expect(r.mismatch).toBe(true);
  });

  it("treats an unknown licence number with a known name as ambiguous", () => {
    const r = lookup(matcher, "PT Cahaya Mitra Karya no izin SIP3MI-2020-9999");
    expect(r.status).toBe("ambiguous");
    expect(r.unknownLicense).toBe(true);
  });

  it("names look-alikes next to an exact match", () => {
    const r = lookup(matcher, "PT Duta Insani Mandiri");
    expect(r.status).toBe("licensed");
    expect(r.similar.map((s) => s.name)).toContain("PT Duta Insan Mandiri");
  });

  it("recognises people and family phrasing", () => {
    expect(lookup(matcher, "sponsor pak Harjo")).toMatchObject({ status: "not-found", person: true });
    expect(lookup(matcher, "suami saya ikut PT Hana Jaya")).toMatchObject({
      status: "licensed",
      family: true,
    });
  });

  it("never lets a filler-looking word shorten a name onto a licensed one", () => {
    const small = createMatcher(
      ["PT Sinar", "PT Sentosa Jaya", "PT Karya Insan"].map((name, i) => ({
        ...records[0]!,
        name,
        license: `SIP3MI-2020-90${i}`,
        status: "licensed" as const,
      })),
    );
    for (const text of [
      "PT Sinar Aman Sentosa",
      "PT Aman Sentosa Jaya",
      "PT Sinar Agency",
      "PT Sinar Info Kerja",
      "PT Karya Insan Global",
      "PT Karya Insan Selamat, resmi?",
      "apakah PT Sinar Jaya Abadi resmi",
      "PT Apa Sentosa Jaya",
    ]) {
      expect(lookup(small, text).status, text).not.toBe("licensed");
    }
    expect(lookup(small, "PT Sentosa Jaya resmi gak?").status).toBe("licensed");
  });
});
