import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ContentError } from "../../bot/i18n";
import { loadLexicon } from "../../bot/nlp/lexicon";
import { CONTENT_DIR } from "../../bot/paths";
import { loadDangerDetector } from "../../bot/safety/danger";
import { loadHotlines } from "../../bot/safety/hotlines";
import { DANGER, ORDINARY } from "./danger-set";

const lexicon = loadLexicon(join(CONTENT_DIR, "lexicon", "informal-id.yaml"));
const detector = loadDangerDetector(join(CONTENT_DIR, "safety", "danger-patterns.yaml"), lexicon);

describe("danger detection on the labelled set", () => {
  it("has at least 60 danger and 60 ordinary messages, no duplicates", () => {
    expect(DANGER.length).toBeGreaterThanOrEqual(60);
    expect(ORDINARY.length).toBeGreaterThanOrEqual(60);
    expect(new Set([...DANGER, ...ORDINARY]).size).toBe(DANGER.length + ORDINARY.length);
  });

  it("finds every danger message (recall 1.0) with at most 10% false alarms", () => {
    const missed = DANGER.filter((t) => !detector.isDanger(t));
    const alarms = ORDINARY.filter((t) => detector.isDanger(t));
    const recall = (DANGER.length - missed.length) / DANGER.length;
    const falseAlarmRate = alarms.length / ORDINARY.length;
    console.log(
      `danger detection: recall ${recall.toFixed(3)} (${DANGER.length - missed.length}/${DANGER.length}), ` +
        `false alarms ${(falseAlarmRate * 100).toFixed(1)}% (${alarms.length}/${ORDINARY.length})` +
        (alarms.length ? `\n  false alarms: ${alarms.map((a) => JSON.stringify(a)).join(", ")}` : ""),
    );
    expect(missed).toEqual([]);
    expect(recall).toBe(1);
    expect(falseAlarmRate).toBeLessThanOrEqual(0.1);
  });

  it("catches every danger group the issue names", () => {
    const groups = new Set(DANGER.map((t) => detector.match(t)?.group));
    for (const g of [
      "distress",
      "confinement",
      "violence",
      "passport-taken",
      "unpaid-wages",
      "trafficking",
    ]) {
      expect(groups).toContain(g);
    }
  });

  it("survives long and hostile input quickly enough to stay in the router", () => {
    const long = `${"kerja di luar negeri gaji besar ".repeat(130)}tolong saya`;
    expect(detector.isDanger(long)).toBe(true);
    expect(detector.isDanger("a".repeat(4000))).toBe(false);
    expect(detector.isDanger("")).toBe(false);
    expect(detector.isDanger("!!! ??? ...")).toBe(false);
  });
});

describe("safety content", () => {
  it("every hotline has a source and a checked date, and only sourced numbers appear", () => {
    const hotlines = loadHotlines(join(CONTENT_DIR, "safety", "hotlines.yaml"));
    for (const h of hotlines) {
      expect(h.source.length).toBeGreaterThan(5);
      expect(h.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const numbers = hotlines.flatMap((h) => h.lines.filter((l) => l.kind !== "app").map((l) => l.value));
    expect(numbers.sort()).toEqual(
      [
        "110",
        "129",
        "021-129",
        "08111-129-129",
        "0800-1000",
        "+62 21 2924 4800",
        "peduliwni.kemlu.go.id",
      ].sort(),
    );
  });

  it("a bad pattern stops start-up naming the file and the field", () => {
    const dir = mkdtempSync(join(tmpdir(), "danger-"));
    const file = join(dir, "danger-patterns.yaml");
    writeFileSync(file, "groups:\n  - id: broken\n    patterns: ['(unclosed']\n");
    expect(() => loadDangerDetector(file, lexicon)).toThrow(ContentError);
    expect(() => loadDangerDetector(file, lexicon)).toThrow(/danger-patterns\.yaml.*groups\.0\.patterns\.0/);
    writeFileSync(file, "groups: []\n");
    expect(() => loadDangerDetector(file, lexicon)).toThrow(/groups/);
  });

  it("a hotline without a source is rejected", () => {
    const dir = mkdtempSync(join(tmpdir(), "hotline-"));
    const file = join(dir, "hotlines.yaml");
    writeFileSync(
      file,
      "contacts:\n  - id: x\n    scope: indonesia\n    name: {id: X, en: X}\n    lines: [{kind: phone, value: '1'}]\n    checked: 2026-11-01\n",
    );
    expect(() => loadHotlines(file)).toThrow(/hotlines\.yaml.*contacts\.0\.source/);
  });
});
