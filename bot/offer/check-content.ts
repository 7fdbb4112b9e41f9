import { ContentError } from "../i18n";
import type { Lexicon } from "../nlp/lexicon";
import { createOfferService } from "./offer-service";

/**
 * Validates content/redflags and content/questionnaire, for `npm run content:check`:
 * the problems as `{file, message}` (empty when the content loads).
 */
export function checkOfferContent(contentDir: string, lexicon: Lexicon): { file: string; message: string }[] {
  try {
    createOfferService(contentDir, lexicon);
    return [];
  } catch (err) {
    if (err instanceof ContentError) return [{ file: err.file, message: err.message }];
    throw err;
  }
}
