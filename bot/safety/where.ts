import { foldWord, tokenize } from "../nlp/normalize";
import type { AbroadContent, Country } from "./abroad";

/** Where a person in danger is, as far as their words tell. */
export type Where = { kind: "indonesia" } | { kind: "abroad"; country?: Country };

/** Words before a place that say the person is there ("di malaysia", "in Dubai", "at Riyadh"). */
const HERE = new Set(["di", "in", "at", "dalam", "inside"]);
/** Words before a place that make it a destination or an origin, not where the person is. */
const NOT_HERE = new Set(["ke", "to", "menuju", "towards", "into", "dari", "from", "pulang", "home"]);
/** Abroad without a country ("di luar negeri", "I am abroad"). */
const ABROAD = ["luar negeri", "abroad", "overseas", "negeri orang", "negara lain"];

interface Hit {
  where: Where;
  here: boolean;
  skip: boolean;
}

/**
 * A reader of places in a message ("di malaysia", "in Dubai", "sy di taichung"). A place
 * right after "di" / "in" wins; a place after "ke" / "to" / "dari" is a destination or an
 * origin and is not read. Undefined when the text does not say, or says two things at once.
 */
export function createWhereReader(content: AbroadContent): (text: string) => Where | undefined {
  const phrases: { words: string[]; where: Where }[] = [
    ...content.indonesiaWords.map((w) => ({ w, where: { kind: "indonesia" } as Where })),
    ...content.countries.flatMap((c) =>
      c.words.map((w) => ({ w, where: { kind: "abroad", country: c } as Where })),
    ),
    ...ABROAD.map((w) => ({ w, where: { kind: "abroad" } as Where })),
  ]
    .map(({ w, where }) => ({ words: w.split(/\s+/), where }))
    .sort((a, b) => b.words.length - a.words.length);

  return (text) => {
    const words = tokenize(text.slice(0, 2000)).map((t) => foldWord(t.raw));
    const hits: Hit[] = [];
    for (let i = 0; i < words.length; i++) {
      const p = phrases.find((ph) => ph.words.every((w, k) => words[i + k] === w));
      if (!p) continue;
      const before = [words[i - 1], words[i - 2]];
      hits.push({
        where: p.where,
        here: HERE.has(before[0] ?? "") || (before[0] === "negara" && HERE.has(before[1] ?? "")),
        skip: NOT_HERE.has(before[0] ?? ""),
      });
      i += p.words.length - 1;
    }
    const marked = hits.filter((h) => h.here);
    if (marked[0]) return marked[0].where;
    const plain = hits.filter((h) => !h.skip);
    const kinds = new Set(plain.map((h) => (h.where.kind === "abroad" ? (h.where.country?.id ?? "") : "id")));
    if (kinds.size === 1) return plain[0]?.where;
    // "luar negeri" plus one country: that country.
    const countries = plain.filter((h) => h.where.kind === "abroad" && h.where.country);
    if (
      countries.length &&
      new Set(countries.map((h) => h.where.kind === "abroad" && h.where.country?.id)).size === 1 &&
      !plain.some((h) => h.where.kind === "indonesia")
    ) {
      return countries[0]?.where;
    }
    return undefined;
  };
}
