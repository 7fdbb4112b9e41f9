import { readdirSync } from "node:fs";
import { join } from "node:path";
import { ContentError } from "../i18n";
import { loadYaml } from "../load-yaml";
import { FLAG_IDS, type Rule, ruleSchema, type Vocabulary, vocabularySchema } from "./schema";

/** The validated red-flag content: one rule per flag id, and the shared vocabulary. */
export interface RedFlagContent {
  rules: Rule[];
  vocabulary: Vocabulary;
  vocabularyFile: string;
  rulesDir: string;
}

/**
 * Loads content/redflags: `vocabulary.yaml` and `rules/<id>.yaml`, one per id of
 * CONTRACTS.md. A missing, extra or invalid file throws ContentError naming it.
 */
export function loadRedFlags(dir: string): RedFlagContent {
  const vocabularyFile = join(dir, "vocabulary.yaml");
  const vocabulary = loadYaml(vocabularyFile, vocabularySchema);
  const rulesDir = join(dir, "rules");
  let names: string[];
  try {
    names = readdirSync(rulesDir).filter((f) => f.endsWith(".yaml"));
  } catch (err) {
    throw new ContentError(rulesDir, (err as Error).message);
  }
  const rules: Rule[] = [];
  for (const name of names.sort()) {
    const file = join(rulesDir, name);
    const rule = loadYaml(file, ruleSchema);
    if (`${rule.id}.yaml` !== name) throw new ContentError(file, `id: "${rule.id}" must match the file name`);
    rules.push(rule);
  }
  for (const id of FLAG_IDS) {
    if (!rules.some((r) => r.id === id))
      throw new ContentError(join(rulesDir, `${id}.yaml`), "missing rule file");
  }
  const order = new Map<string, number>(FLAG_IDS.map((id, i) => [id, i]));
  rules.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return { rules, vocabulary, vocabularyFile, rulesDir };
}
