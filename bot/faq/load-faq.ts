import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { LineCounter, parseDocument } from "yaml";
import { ContentError } from "../i18n";
import { FAQ_TOPIC_IDS, type FaqEntry, faqEntrySchema } from "./schema";

/** One problem in the FAQ content, with where it is. */
export interface FaqProblem {
  file: string;
  line?: number;
  message: string;
}

/** The FAQ files of a folder: every `*.yaml` in content/faq. */
export function faqFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith(".yaml") || n.endsWith(".yml"))
    .sort()
    .map((n) => join(dir, n));
}

/** Parses and validates one file; problems carry the line of the field at fault. */
export function readFaqFile(file: string): { entry?: FaqEntry; problems: FaqProblem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(file, "utf8"), { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => ({
        file,
        line: e.linePos?.[0]?.line,
        message: e.message.split("\n")[0]!,
      })),
    };
  }
  const lineOf = (path: PropertyKey[]): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as (string | number)[], true) as
        | { range?: number[] }
        | undefined;
      if (node?.range?.[0] !== undefined) return lines.linePos(node.range[0]).line;
      const pair = n > 0 ? findKeyLine(path.slice(0, n)) : undefined;
      if (pair) return pair;
    }
    return undefined;
  };
  const findKeyLine = (path: PropertyKey[]): number | undefined => {
    const parent = doc.getIn(path.slice(0, -1) as (string | number)[], true) as
      | { items?: { key?: { value?: unknown; range?: number[] } }[] }
      | undefined;
    const key = parent?.items?.find((p) => p.key?.value === path[path.length - 1])?.key;
    return key?.range ? lines.linePos(key.range[0]!).line : undefined;
  };
  const parsed = faqEntrySchema.safeParse(doc.toJS());
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((i) => ({
        file,
        line: lineOf(i.path),
        message: `${i.path.join(".") || "(root)"}: ${i.message}`,
      })),
    };
  }
  const entry = parsed.data;
  const problems: FaqProblem[] = [];
  const expected = basename(file).replace(/\.ya?ml$/, "");
  if (entry.topic !== expected) {
    problems.push({
      file,
      line: lineOf(["topic"]),
      message: `topic "${entry.topic}" must match the file name`,
    });
  }
  return { entry, problems };
}

/** Checks the whole set: every contract topic exists, related ids resolve, no duplicates. */
export function checkFaqSet(dir: string): { entries: FaqEntry[]; problems: FaqProblem[] } {
  const entries: FaqEntry[] = [];
  const problems: FaqProblem[] = [];
  const fileOf = new Map<string, string>();
  for (const file of faqFiles(dir)) {
    const r = readFaqFile(file);
    problems.push(...r.problems);
    if (r.entry) {
      if (fileOf.has(r.entry.topic)) {
        problems.push({ file, message: `topic "${r.entry.topic}" also in ${fileOf.get(r.entry.topic)}` });
        continue;
      }
      fileOf.set(r.entry.topic, file);
      entries.push(r.entry);
    }
  }
  const ids = new Set(entries.map((e) => e.topic));
  for (const id of FAQ_TOPIC_IDS) {
    if (!ids.has(id)) problems.push({ file: join(dir, `${id}.yaml`), message: `missing topic "${id}"` });
  }
  for (const e of entries) {
    for (const r of e.related) {
      if (!ids.has(r) || r === e.topic) {
        problems.push({ file: fileOf.get(e.topic)!, message: `related: "${r}" is not another topic` });
      }
    }
  }
  return { entries, problems };
}

/** Loads the FAQ for the bot: any problem stops start-up with the file and field. */
export function loadFaq(dir: string): FaqEntry[] {
  const { entries, problems } = checkFaqSet(dir);
  const first = problems[0];
  if (first) {
    throw new ContentError(first.file, `${first.line ? `line ${first.line}: ` : ""}${first.message}`);
  }
  return entries;
}
