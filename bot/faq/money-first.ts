import type { Lexicon } from "../nlp/lexicon";
import { tokenize } from "../nlp/normalize";
import type { FaqHit } from "./faq-index";
import type { FaqEntry } from "./schema";

/**
 * A money question ("biaya ke korea lewat G to G brp?", "how much does the agent charge?")
 * is answered by a topic whose answer speaks of money, never by one that ignores it: when
 * the best topic's answer says nothing of costs, the best close topic whose answer does
 * comes first.
 */
const ASKS_MONEY =
  /\b(biaya|biayanya|ongkos|ongkosnya|bayar|bayaran|membayar|dibayar|tarif|harga|harganya|duit|uang|modal|fee|fees|cost|costs|charge|charged|charges|price|pay)\b/u;
const SPEAKS_MONEY =
  /\b(biaya|bayar|membayar|dibayar|bayaran|dibebaskan|ditagih|gratis|potongan|dipotong|fee|fees|cost|costs|charge|charged|pay|paid|free\s+of\s+charge)\b/iu;
/** A topic that speaks of money comes first only when it is at least this close to the best. */
const CLOSE_ENOUGH = 0.6;

/** The topics whose answer (in either language) speaks of money. */
export function moneyTopics(entries: readonly FaqEntry[]): Set<string> {
  return new Set(
    entries
      .filter((e) => SPEAKS_MONEY.test(`${e.id.answer}\n${e.en.answer}\n${e.id.more}\n${e.en.more}`))
      .map((e) => e.topic),
  );
}

/** True when the text asks about money (informal spellings read through the lexicon). */
export function asksMoney(text: string, lexicon: Lexicon): boolean {
  return ASKS_MONEY.test(
    tokenize(text, lexicon)
      .map((t) => t.norm)
      .join(" "),
  );
}

/** The hits with the best money-speaking topic first, when the text asks about money. */
export function moneyFirst(hits: FaqHit[], money: ReadonlySet<string>, asks: boolean): FaqHit[] {
  const top = hits[0];
  if (!asks || !top || money.has(top.topic)) return hits;
  const at = hits.findIndex((h) => money.has(h.topic) && h.score >= top.score * CLOSE_ENOUGH);
  if (at <= 0) return hits;
  return [hits[at]!, ...hits.filter((_, i) => i !== at)];
}
