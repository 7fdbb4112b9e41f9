import { describe, expect, it } from "vitest";
import { readSet, realFaq, scoreSet } from "./helpers";

const faq = realFaq();

describe("FAQ retrieval on our own paraphrases (informal Indonesian and English)", () => {
  it("answers the paraphrase set and rejects its out-of-scope questions", () => {
    const r = scoreSet(faq, readSet("paraphrases.jsonl"));
    console.log(
      `paraphrases: top1 ${r.top1.toFixed(3)} oos ${r.outOfScopeRejected.toFixed(3)}\n${r.misses.join("\n")}`,
    );
    expect(r.top1).toBeGreaterThanOrEqual(0.93);
    expect(r.outOfScopeRejected).toBeGreaterThanOrEqual(0.9);
  });

  it("generalises to a held-out set written separately and not tuned on", () => {
    const r = scoreSet(faq, [...readSet("holdout.jsonl"), ...readSet("holdout2.jsonl")]);
    console.log(
      `holdout: top1 ${r.top1.toFixed(3)} oos ${r.outOfScopeRejected.toFixed(3)}\n${r.misses.join("\n")}`,
    );
    expect(r.top1).toBeGreaterThanOrEqual(0.88);
    expect(r.outOfScopeRejected).toBeGreaterThanOrEqual(0.85);
  });

  it("never answers football, recipes, weather or phone questions", () => {
    for (const text of [
      "hasil pertandingan bola tadi malam",
      "resep soto ayam",
      "cuaca besok cerah gak",
      "hp samsung atau iphone yang bagus",
      "what's the weather like in Jakarta",
      "who is the best football player",
    ]) {
      expect(faq.search(text).best, text).toBeNull();
    }
  });

  it("keeps domain words: KK is the family card, TKW means PMI, WA is WhatsApp", () => {
    expect(faq.search("perlu fotokopi kk ga").best?.topic).toBe("documents");
    expect(faq.search("syarat jadi tkw").best?.topic).toBe("requirements");
  });

  it("suggests the closest topics, and popular ones when nothing is close", () => {
    const close = faq.search("paspor");
    expect(close.best?.topic).toBe("passport");
    const none = faq.search("resep rendang");
    expect(none.best).toBeNull();
    expect(none.suggestions.length).toBeGreaterThan(0);
    for (const id of none.suggestions) expect(faq.entry(id)).toBeDefined();
  });

  it("tells English from Indonesian", () => {
    expect(faq.search("How much does it cost to work abroad?").lang).toBe("en");
    expect(faq.search("berapa biaya kerja ke luar negeri").lang).toBe("id");
    expect(faq.search("gmn cara daftar").lang).toBe("id");
  });

  it("gives the same answer for the same question every time", () => {
    const a = faq.search("brp biaya jadi pmi");
    const b = faq.search("brp biaya jadi pmi");
    expect(a).toEqual(b);
  });
});
