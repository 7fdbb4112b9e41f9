import { describe, expect, it } from "vitest";
import { newReference, parseReference, REF_ALPHABET } from "../../bot/reports/reference";
import { makeBot } from "../helpers/make-bot";

describe("report references", () => {
  it("use an alphabet without 0, O, 1 or I", () => {
    for (const c of "0O1I") expect(REF_ALPHABET).not.toContain(c);
    expect(new Set(REF_ALPHABET).size).toBe(REF_ALPHABET.length);
    for (let i = 0; i < 500; i++) expect(newReference(() => false)).toMatch(/^MA-[2-9A-HJ-NP-Z]{5}$/);
  });

  it("are read back as people type them, and ambiguous characters are refused", () => {
    expect(parseReference("ma-7k3q9")).toBe("MA-7K3Q9");
    expect(parseReference("status MA 7K3Q9 ya")).toBe("MA-7K3Q9");
    expect(parseReference("MA7K3Q9")).toBe("MA-7K3Q9");
    expect(parseReference("MA-7K3O9")).toBeUndefined();
    expect(parseReference("MA-7K1Q9")).toBeUndefined();
    expect(parseReference("mama saya")).toBeUndefined();
  });

  it("skip a reference already taken, even when the random source repeats", () => {
    const sequence = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1];
    let i = 0;
    const random = () => sequence[i++ % sequence.length] as number;
    const taken = new Set(["MA-22222"]);
    expect(newReference((r) => taken.has(r), random)).toBe("MA-33333");
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
