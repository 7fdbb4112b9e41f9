import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadLexicon } from "../../bot/nlp/lexicon";
import { createOfferService, type OfferService } from "../../bot/offer/offer-service";
import { CONTENT_DIR } from "../../bot/paths";

/** One labelled offer: the levels accepted and the flags that must be found. */
export interface LabelledOffer {
  text: string;
  level: string[];
  flags: string[];
}

/** Reads a JSONL set of labelled offers next to this file. */
export function readOffers(name: string): LabelledOffer[] {
  return readFileSync(join(import.meta.dirname, name), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledOffer);
}

/** The offer service over the real content. */
export function realOffer(): OfferService {
  return createOfferService(CONTENT_DIR, loadLexicon(join(CONTENT_DIR, "lexicon", "informal-id.yaml")));
}
