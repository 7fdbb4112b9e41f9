import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CONTENT_DIR } from "../../bot/paths";
import { makeBot } from "../helpers/make-bot";

/** Every content file people read from: locales, FAQ, red flags, questionnaire, safety. */
function contentFiles(dir = CONTENT_DIR): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory())
      return name === "corpus" || name === "lexicon" ? [] : contentFiles(path);
    return /\.(json|ya?ml)$/.test(name) && name !== "danger-patterns.yaml" ? [path] : [];
  });
}

/** Every string in a content file, with the path to it (`scope: indonesia` contacts are marked). */
function strings(
  value: unknown,
  path: string[] = [],
  indonesia = false,
): { path: string; text: string; indonesia: boolean }[] {
  if (typeof value === "string") return [{ path: path.join("."), text: value, indonesia }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, [...path, String(i)], indonesia));
  if (value && typeof value === "object") {
    const here = indonesia || (value as { scope?: unknown }).scope === "indonesia";
    return Object.entries(value).flatMap(([k, v]) => strings(v, [...path, k], here));
  }
  return [];
}

const ALL = contentFiles().flatMap((file) => {
  const raw = readFileSync(file, "utf8");
  const data = file.endsWith(".json") ? JSON.parse(raw) : parse(raw);
  return strings(data).map((s) => ({ ...s, file: relative(CONTENT_DIR, file) }));
});

/** What each word the content tells people to type must reach (flow id). */
const TYPED: Record<string, string> = {
  keluar: "exit",
  exit: "exit",
  hapusdata: "privacy",
  deletemydata: "privacy",
  datasaya: "privacy",
  mydata: "privacy",
  tolong: "emergency",
  "help me": "emergency",
  sos: "emergency",
  darurat: "emergency",
  emergency: "emergency",
  menu: "menu",
  help: "help",
  bantuan: "help",
  bahasa: "language",
  language: "language",
  laporkan: "report",
  report: "report",
  berhenti: "subscribe",
  stop: "subscribe",
};
/** Bold words after "tulis" that are a description of what to write, not a command. */
const DESCRIPTIONS = new Set(["nama perusahaan", "tidak ada"]);
/** Words that answer the message they appear in (DAFTAR after a programme list: test/places covers it). */
const IN_CONTEXT = new Set(["daftar"]);
const DANGER_CONTEXT = /darurat|bahaya|emergency|danger|kontak|contacts/i;

describe("every 'ketik X' / 'type X' in the content works", () => {
  const found = ALL.flatMap((s) =>
    s.text.split("\n").flatMap((line) =>
      [...line.matchAll(/\b(?:ketik|type|tulis|kirim|send)\s+\*([^*\n]+)\*/gi)].map((m) => ({
        word: (m[1] as string).trim().toLowerCase(),
        line,
        where: `${s.file}: ${s.path}`,
      })),
    ),
  );

  it("finds the instructions (the scan itself works)", () => {
    expect(found.map((f) => f.word)).toEqual(
      expect.arrayContaining(["keluar", "exit", "tolong", "hapusdata"]),
    );
  });

  for (const f of found.filter((x) => !DESCRIPTIONS.has(x.word) && !IN_CONTEXT.has(x.word))) {
    it(`${f.where}: "${f.word}" reaches the flow it names`, async () => {
      const expected = TYPED[f.word];
      expect(expected, `no flow known for "${f.word}": add it to TYPED or fix the content`).toBeDefined();
      // "In danger? Type X" must give the emergency contacts, not the usage tips.
      if (DANGER_CONTEXT.test(f.line) && !["exit", "privacy"].includes(expected as string)) {
        expect(expected, f.line).toBe("emergency");
      }
      const b = makeBot();
      await b.say("t", "menu");
      const r = await b.say("t", f.word);
      expect(r.meta.flow, f.line).toBe(expected);
    });
  }
});

describe("110 is only shown as the Indonesian police number", () => {
  it("every line that shows 110 says it is for Indonesia", () => {
    const bad = ALL.flatMap((s) =>
      s.text
        .split("\n")
        .filter(
          (line) => /(?<![\d.,/-])110(?![\d.,/-]?\d)/.test(line) && !s.indonesia && !/Indonesia/i.test(line),
        )
        .map((line) => `${s.file}: ${s.path}: ${line}`),
    );
    expect(bad).toEqual([]);
  });

  it("the check fails on a line that shows 110 without Indonesia", () => {
    const line = "Kalau Anda dalam bahaya sekarang, telepon *110*.";
    expect(/(?<![\d.,/-])110(?![\d.,/-]?\d)/.test(line) && !/Indonesia/i.test(line)).toBe(true);
  });
});

describe("advice for a confined person", () => {
  it("never says to leave or escape alone; it says to stay safe, call, and ask family to report", () => {
    const all = ALL.map((s) => s.text).join("\n");
    expect(all).not.toMatch(/Jangan tinggal di tempat yang tidak boleh Anda tinggalkan/);
    expect(all).not.toMatch(/Do not stay where you may not leave/);
    const advice = ALL.filter((s) => s.file.includes("restricted-movement") && s.path.startsWith("advice"));
    expect(advice.map((a) => a.text).join("\n")).toMatch(
      /jangan kabur sendirian[\s\S]*do not try to escape alone/i,
    );
    expect(advice.map((a) => a.text).join("\n")).toMatch(/keluarga melapor[\s\S]*family to report/);
  });
});
