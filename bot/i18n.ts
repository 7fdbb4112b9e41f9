import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import i18next, { type i18n, type Resource, type TFunction } from "i18next";
import { DEFAULT_LANG, LANGS } from "./model";

/** Thrown when a locale file is unreadable; names the file. */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`Content file ${file}: ${reason}`);
    this.name = "ContentError";
  }
}

/** Reads content/locales/<lang>/<namespace>.json into an i18next resource object. */
export function readLocales(dir: string): Resource {
  const resources: Resource = {};
  for (const lang of LANGS) {
    resources[lang] = {};
    const langDir = join(dir, lang);
    for (const f of readdirSync(langDir).filter((n) => n.endsWith(".json"))) {
      const file = join(langDir, f);
      try {
        resources[lang][f.slice(0, -5)] = JSON.parse(readFileSync(file, "utf8"));
      } catch (err) {
        throw new ContentError(file, (err as Error).message);
      }
    }
  }
  return resources;
}

/**
 * One i18next instance per process. Use `i18n.getFixedT(lang)` per person; never
 * `changeLanguage` per message. Values are not HTML-escaped: adapters escape per channel.
 */
export function createI18n(localesDir: string): i18n {
  const instance = i18next.createInstance();
  const resources = readLocales(localesDir);
  void instance.init({
    resources,
    lng: DEFAULT_LANG,
    fallbackLng: DEFAULT_LANG,
    supportedLngs: [...LANGS],
    ns: Object.keys(resources[DEFAULT_LANG] ?? {}),
    defaultNS: "common",
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

/**
 * Per-language translators that memoise plain lookups (a key without options).
 * i18next allocates heavily per call; the core translates several strings per message.
 * Calls with options (interpolation, returnObjects) go straight to i18next.
 */
export function createTranslators(instance: i18n): (lang: string) => TFunction {
  const byLang = new Map<string, TFunction>();
  return (lang) => {
    let fn = byLang.get(lang);
    if (!fn) {
      const base = instance.getFixedT(lang);
      const cache = new Map<string, string>();
      const wrapped = (key: unknown, ...rest: unknown[]) => {
        if (rest.length === 0 && typeof key === "string") {
          let v = cache.get(key);
          if (v === undefined) {
            v = base(key) as string;
            cache.set(key, v);
          }
          return v;
        }
        return (base as unknown as (...a: unknown[]) => unknown)(key, ...rest);
      };
      fn = wrapped as unknown as TFunction;
      byLang.set(lang, fn);
    }
    return fn;
  };
}
