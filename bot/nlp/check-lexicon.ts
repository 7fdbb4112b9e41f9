import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from "yaml";

/** A problem in a content file, with the line when known. */
export interface LexiconProblem {
  file: string;
  line?: number;
  message: string;
}

function open(file: string, problems: LexiconProblem[]) {
  if (!existsSync(file)) {
    problems.push({ file, message: "file is missing" });
    return undefined;
  }
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(file, "utf8"), { lineCounter: lines, uniqueKeys: true });
  for (const e of doc.errors) {
    problems.push({ file, line: e.linePos?.[0]?.line, message: e.message.split("\n")[0]! });
  }
  if (doc.errors.length > 0) return undefined;
  const lineOf = (node: unknown) => {
    const r = (node as { range?: number[] } | undefined)?.range;
    return r ? lines.linePos(r[0]!).line : undefined;
  };
  return { doc, lineOf };
}

/**
 * Checks content/lexicon: the informal lexicon (`words:` of single-word keys → standard
 * words), stop words (`id:`/`en:` lists), synonym groups and the off-topic list.
 */
export function checkLexiconDir(dir: string): LexiconProblem[] {
  const problems: LexiconProblem[] = [];

  const lexFile = join(dir, "informal-id.yaml");
  const lex = open(lexFile, problems);
  if (lex) {
    const words = lex.doc.get("words", true);
    if (!isMap(words))
      problems.push({ file: lexFile, message: "words: must be a map of spelling → standard word" });
    else {
      for (const pair of words.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : "";
        const value = isScalar(pair.value) ? pair.value.value : undefined;
        const line = lex.lineOf(pair.key);
        if (!/^[\p{L}\p{N}]+$/u.test(key)) {
          problems.push({
            file: lexFile,
            line,
            message: `"${key}": a key must be one word (letters or digits)`,
          });
        }
        if (typeof value !== "string" || !value.trim()) {
          problems.push({ file: lexFile, line, message: `"${key}": the standard form must be text` });
        }
      }
    }
  }

  const lists: [string, string[]][] = [
    ["stopwords.yaml", ["id", "en"]],
    ["off-topic.yaml", ["words"]],
  ];
  for (const [name, keys] of lists) {
    const file = join(dir, name);
    const f = open(file, problems);
    if (!f) continue;
    for (const k of keys) {
      const seq = f.doc.get(k, true);
      if (!isSeq(seq)) {
        problems.push({ file, message: `${k}: must be a list of words` });
        continue;
      }
      const seen = new Set<string>();
      for (const item of seq.items) {
        const v = isScalar(item) ? String(item.value ?? "").trim() : "";
        if (!v) problems.push({ file, line: f.lineOf(item), message: `${k}: empty entry` });
        else if (seen.has(v))
          problems.push({ file, line: f.lineOf(item), message: `${k}: "${v}" is listed twice` });
        seen.add(v);
      }
    }
  }

  const synFile = join(dir, "synonyms.yaml");
  const syn = open(synFile, problems);
  if (syn) {
    const groups = syn.doc.get("groups", true);
    if (!isSeq(groups)) problems.push({ file: synFile, message: "groups: must be a list of word lists" });
    else {
      for (const g of groups.items) {
        if (!isSeq(g) || g.items.length < 2) {
          problems.push({
            file: synFile,
            line: syn.lineOf(g),
            message: "a group needs a canonical term and one synonym",
          });
        }
      }
    }
  }
  return problems;
}
