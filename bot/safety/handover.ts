/** First person: the writer speaks about themselves or their group. */
const FIRST_PERSON =
  /\b(saya|aku|aq|sy|gw|gue|ane|kami|kita|i|i'm|im|me|my|we|us|our|anak saya|adik saya|istri saya|suami saya)\b/i;
/** Words of a job advert. */
const OFFER_WORDS =
  /\b(lowongan|loker|dibutuhkan|dicari|gaji|salary|job|hiring|vacancy|rekrut|pendaftaran|kontrak|visa|berangkat|tiket|syarat|minat hubungi|wanted|requirements?)\b/i;
/** Question markers in Indonesian and English. */
const QUESTION =
  /\?\s*$|^(apa|apakah|bagaimana|gimana|gmn|bolehkah|boleh|bisakah|kenapa|mengapa|kalau|jika|klo|kalo|what|how|is it|can|could|should|may|if|when|why|who|where)\b|\b(harus bagaimana|harus gimana|gimana|bagaimana|apa yang harus|boleh (gak|ga|tidak|nggak)|what should|what can|is it legal)\b|\b(boleh|bisa|benar|bener|wajar|legal|aman)\b.*\b(gak|ga|nggak|tidak|enggak|ngga|gk)\s*\??\s*$/i;

/**
 * After the emergency contacts, who else should read a danger message: a question goes
 * on to the FAQ ("majikan boleh nahan paspor saya?"), a pasted job advert written in the
 * third person goes on to the offer check. Anything else gets the offer to report.
 */
export function handoverFor(text: string): "faq" | "offer" | undefined {
  const t = text.trim();
  if (t.length >= 80 && !FIRST_PERSON.test(t) && OFFER_WORDS.test(t)) return "offer";
  if (QUESTION.test(t)) return "faq";
  return undefined;
}
