import { describe, expect, it } from "vitest";
import {
  hashSecret,
  newReference,
  newSecret,
  parseReference,
  parseSecret,
  REF_ALPHABET,
  secretMatches,
} from "../../bot/reports/reference";
import { makeBot } from "../helpers/make-bot";

describe("report references", () => {
  it("have at least eight characters from an alphabet without 0, O, 1, I or L", () => {
    for (const c of "0O1IL") expect(REF_ALPHABET).not.toContain(c);
    expect(new Set(REF_ALPHABET).size).toBe(REF_ALPHABET.length);
    for (let i = 0; i < 500; i++) expect(newReference(() => false)).toMatch(/^MA-[2-9A-HJKMNP-Z]{8}$/);
    for (let i = 0; i < 200; i++) expect(newSecret()).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  });

  it("read the secret typed after a reference, and only a matching secret opens", () => {
    expect(parseSecret("MA-7K3Q9XPM 7KQ4-9XPM")).toBe("7KQ4-9XPM");
    expect(parseSecret("ma-7k3q9xpm kode 7kq4 9xpm")).toBe("7KQ4-9XPM");
    expect(parseSecret("MA-7K3Q9XPM")).toBeUndefined();
    const stored = hashSecret("MA-7K3Q9XPM", "7KQ4-9XPM");
    expect(secretMatches("MA-7K3Q9XPM", "7kq4-9xpm", stored)).toBe(true);
    expect(secretMatches("MA-7K3Q9XPM", "7KQ4-9XPN", stored)).toBe(false);
    expect(secretMatches("MA-7K3Q9XPN", "7KQ4-9XPM", stored)).toBe(false);
    expect(secretMatches("MA-7K3Q9XPM", "7KQ4-9XPM", undefined)).toBe(false);
  });

  it("are read back as people type them, and ambiguous characters are refused", () => {
    expect(parseReference("ma-7k3q9")).toBe("MA-7K3Q9");
    expect(parseReference("status MA 7K3Q9 ya")).toBe("MA-7K3Q9");
    expect(parseReference("MA7K3Q9")).toBe("MA-7K3Q9");
    expect(parseReference("MA-7K3O9")).toBeUndefined();
    expect(parseReference("MA-7K1Q9")).toBeUndefined();
    expect(parseReference("mama saya")).toBeUndefined();
    // Words that spell MA + reference characters are words ("ada masalah di sana").
    expect(parseReference("kalo nanti ada masalah di sana")).toBeUndefined();
    expect(parseReference("MA-KQXPMWVT")).toBe("MA-KQXPMWVT");
    expect(parseReference("ma-7k3q9xpm")).toBe("MA-7K3Q9XPM");
    // L only in older five-character references.
    expect(parseReference("MA-7KL39")).toBe("MA-7KL39");
    expect(parseReference("MA-7KL39XPM")).toBeUndefined();
  });

  it("skip a reference already taken, even when the random source repeats", () => {
    const sequence = [...Array(16).fill(0), ...Array(8).fill(1)];
    let i = 0;
    const random = () => sequence[i++ % sequence.length] as number;
    const taken = new Set(["MA-22222222"]);
    expect(newReference((r) => taken.has(r), random)).toBe("MA-33333333");
  });

  it("stay unique when hundreds of reports are submitted concurrently", async () => {
    const b = makeBot();
    const svc = b.bot.services.reports;
    const results = await Promise.all(
      Array.from({ length: 600 }, (_, n) =>
        svc.submit({ what: `laporan ${n}`, anonymous: true, channel: "web", lang: "id" }),
      ),
    );
    const refs = results.map((r) => r.report.id);
    expect(new Set(refs).size).toBe(600);
    expect(b.store.collection("reports").size()).toBe(600);
  });

  it("stay unique under concurrency even with a tiny random space", async () => {
    // A random source with only 3 values per character forces collisions constantly.
    const b = makeBot();
    const { createReportService } = await import("../../bot/reports/report-service");
    const svc = createReportService(b.bot.services, b.bot.i18n, {
      random: () => Math.floor(Math.random() * 3),
    });
    const results = await Promise.all(
      Array.from({ length: 300 }, () =>
        svc.submit({ what: "x", anonymous: true, channel: "web", lang: "id" }),
      ),
    );
    expect(new Set(results.map((r) => r.report.id)).size).toBe(300);
  });
});
