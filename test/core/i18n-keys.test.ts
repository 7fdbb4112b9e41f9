import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readLocales } from "../../bot/i18n";
import { CONTENT_DIR, PROJECT_ROOT } from "../../bot/paths";

function flatten(obj: unknown, prefix = ""): string[] {
  if (obj === null || typeof obj !== "object" || Array.isArray(obj)) return [prefix];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) =>
    flatten(v, prefix ? `${prefix}.${k}` : k),
  );
}

function keysOf(lang: "id" | "en"): Set<string> {
  const res = readLocales(join(CONTENT_DIR, "locales"))[lang] ?? {};
  return new Set(Object.entries(res).flatMap(([ns, tree]) => flatten(tree).map((k) => `${ns}:${k}`)));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === "public" ? [] : sourceFiles(p);
    return p.endsWith(".ts") ? [p] : [];
  });
}

describe("locales", () => {
  const id = keysOf("id");
  const en = keysOf("en");

  it("have the same keys in Indonesian and English", () => {
    expect([...id].filter((k) => !en.has(k))).toEqual([]);
    expect([...en].filter((k) => !id.has(k))).toEqual([]);
  });

  it("have no empty strings", () => {
    for (const lang of ["id", "en"] as const) {
      const res = readLocales(join(CONTENT_DIR, "locales"))[lang] ?? {};
      const empty = Object.entries(res).flatMap(([ns, tree]) =>
        flatten(tree)
          .filter(
            (k) => k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)?.[p], tree) === "",
          )
          .map((k) => `${lang}/${ns}:${k}`),
      );
      expect(empty).toEqual([]);
    }
  });

  it("contain every literal key the code uses", () => {
    const files = ["bot", "flows", "adapters"].flatMap((d) => sourceFiles(join(PROJECT_ROOT, d)));
    const used = new Set<string>();
    for (const f of files) {
      const src = readFileSync(f, "utf8");
      for (const m of src.matchAll(/\bt(?:For\([^)]*\))?\(\s*["'`]([a-z][\w-]*:[\w.-]+)["'`]/g))
        used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(5);
    expect([...used].filter((k) => !id.has(k) && !en.has(k))).toEqual([]);
  });
});
