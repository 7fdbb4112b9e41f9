import { join } from "node:path";
import type { ContentValidator } from "../content-validator";
import { LANGS } from "../model";
import { loadWordList } from "../nlp/word-lists";
import { checkFaqSet } from "./load-faq";

/** FAQ: schema, every contract topic in both languages, sources with dates, related ids. */
export const faqValidator: ContentValidator = {
  name: "faq",
  check(contentDir) {
    const { entries, problems } = checkFaqSet(join(contentDir, "faq"));
    const off = new Set(loadWordList(join(contentDir, "lexicon", "off-topic.yaml")));
    for (const e of entries) {
      for (const lang of LANGS) {
        for (const k of e[lang].keywords) {
          if (off.has(k.toLowerCase())) {
            problems.push({
              file: join(contentDir, "faq", `${e.topic}.yaml`),
              message: `${lang}.keywords: "${k}" is also in lexicon/off-topic.yaml`,
            });
          }
        }
      }
    }
    return problems;
  },
};
