import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkFaqSet, loadFaq } from "../../bot/faq/load-faq";
import { FAQ_CATEGORIES, FAQ_TOPIC_IDS, MAX_ANSWER_CHARS } from "../../bot/faq/schema";
import { ContentError } from "../../bot/i18n";
import { CONTENT_DIR } from "../../bot/paths";
import { checkContent } from "../../scripts/content-check";

const faqDir = join(CONTENT_DIR, "faq");

describe("FAQ content", () => {
  const entries = loadFaq(faqDir);
  const byId = new Map(entries.map((e) => [e.topic, e]));

  it("has every contract topic, in Indonesian and English", () => {
    for (const id of FAQ_TOPIC_IDS) {
      const e = byId.get(id);
      expect(e, id).toBeDefined();
      for (const lang of ["id", "en"] as const) {
        expect(e![lang].answer.length, `${id}.${lang}`).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
        expect(e![lang].more.length, `${id}.${lang}`).toBeGreaterThan(e![lang].answer.length / 3);
        expect(e![lang].questions.length).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it("gives every entry a source with a real checked date, and valid related topics", () => {
    for (const e of entries) {
      expect(e.sources.length, e.topic).toBeGreaterThan(0);
      for (const s of e.sources) {
        expect(s.checked >= "2026-01-01" && s.checked <= "2026-12-31", `${e.topic}: ${s.checked}`).toBe(true);
      }
      for (const r of e.related) expect(byId.has(r), `${e.topic} → ${r}`).toBe(true);
    }
  });

  it("puts topics in every menu category", () => {
    for (const c of FAQ_CATEGORIES)
      expect(
        entries.some((e) => e.categories.includes(c)),
        c,
      ).toBe(true);
  });

  it("keeps facts marked NOT VERIFIED out and never invents numbers we lack", () => {
    const all = entries.map((e) => JSON.stringify(e)).join("\n");
    expect(all).not.toMatch(/1500630/); // Kemnaker number: secondary only
    expect(all).not.toMatch(/Entikong/i); // NOT VERIFIED route
    expect(all).not.toMatch(/UU\s*\d+\/20(25|26)/); // the amendment's enactment is NOT VERIFIED
    // Every phone number shown comes from FACTS.md section 5.
    const numbers = all.match(/\b0\d{2,4}[- ]?\d{3,4}[- ]?\d{0,4}\b|\+62[\d ]+/g) ?? [];
    const allowed = [
      "0800-1000",
      "+62 21 2924 4800",
      "08111-129-129",
      "021-129",
      "(021) 27808211",
      "021) 27808211",
    ];
    for (const n of numbers)
      expect(
        allowed.some((a) => a.includes(n.trim())),
        n,
      ).toBe(true);
  });

  it("passes npm run content:check", () => {
    expect(checkContent(CONTENT_DIR)).toEqual([]);
  });

  it("reports a broken file with its name and line, and stops start-up", () => {
    const dir = mkdtempSync(join(tmpdir(), "ma-faq-content-"));
    const good = readFileSync(join(faqDir, "costs.yaml"), "utf8");
    writeFileSync(
      join(dir, "costs.yaml"),
      good.replace(/related: \[.*\]/, "related: [costs, no-such-topic]"),
    );
    writeFileSync(
      join(dir, "passport.yaml"),
      readFileSync(join(faqDir, "passport.yaml"), "utf8").replace(/checked: 2026-11-20/, "checked: soon"),
    );
    const { problems } = checkFaqSet(dir);
    const text = problems.map((p) => `${p.file}:${p.line ?? ""} ${p.message}`).join("\n");
    expect(text).toMatch(/costs\.yaml.*"no-such-topic" is not another topic/);
    expect(text).toMatch(/costs\.yaml.*"costs" is not another topic/);
    expect(text).toMatch(/passport\.yaml:\d+ sources\.0\.checked/);
    expect(text).toMatch(/missing topic "legal-steps"/);
    expect(() => loadFaq(dir)).toThrow(ContentError);
  });
});
