/**
 * "laporkan", "lapor kak", "mau lapor …", "aku arep laporke agen iku", "sy nak laporkan
 * sponsor tu, ke mana?", "I want to report him", "we want to lodge a complaint": the person
 * says they want to report, now, even when they also ask where or how. Asking about
 * reporting in general ("cara lapor gimana?", "kalo mau lapor ke mana?", "how to report")
 * is a question for the FAQ.
 */
const VERB =
  "(?:lapor|laporin|laporkan|laporke|laporne|laporkeun|melapor|melaporkan|ngelapor|ngelaporin|pelaporan|" +
  "ngadu|ngadukan|ngaduin|ngadukeun|mengadu|mengadukan|adukan|aduin|report|complain)";
const WANT =
  "(?:mau|mo|ingin|pengen|pingin|pengin|kepingin|pgn|nak|arep|ate|hoyong|bade|akan|bakal|harus|hrs|perlu|" +
  "tolong|tlg|mohon|minta|ayo|yuk|langsung|bantu|want|wanna|need|going|will|would|like|can|could|should|must)";
const ME = "(?:saya|sy|aku|aq|gue|gw|gua|ane|kami|kita|abdi|kulo|aing|i|we|i'd|we'd|i'll|we'll)";
/** The request itself: "laporkan …" first, or someone who wants to, or "I/we … report". */
const STARTS = new RegExp(`^${VERB}\\b`, "iu");
const WANTS = new RegExp(`(?:^|[\\s,.!?])(?:${ME}\\s+)?${WANT}\\s+(?:\\S+\\s+){0,2}?${VERB}\\b`, "iu");
const I_REPORT = new RegExp(`\\b${ME}\\s+(?:\\S+\\s+){0,3}?(?:${VERB}|lodge|file|make)\\b`, "iu");
const COMPLAINT = /\b(lodge|file|make)\s+(a\s+)?(formal\s+)?(complaint|report)\b/iu;
/** A conditional right before the request: "kalo mau lapor …", "if I want to report …". */
const CONDITIONAL = new RegExp(
  `\\b(?:kalo|kalau|klo|kl|jika|jikalau|misal|misalnya|seandainya|andai|umpama|if|when)\\s+(?:${ME}\\s+)?(?:${WANT}\\s+)?${VERB}\\b`,
  "iu",
);

/** A day that has not come, said before the request: "seandainya nanti …, harus lapor ke mana?". */
const SOMEDAY =
  /\b(?:seandainya|andai|andaikan|misal|misalnya|misalkan|umpama|umpamanya|nanti|kelak|suatu\s+(?:hari|saat)|what\s+if|suppose|one\s+day|someday|in\s+the\s+future)\b/iu;
const FIRST_VERB = new RegExp(`\\b${VERB}\\b`, "iu");

/** How sure we are (0..1) that the text starts a report: above any question, since the person says so. */
export function reportIntent(text: string): number {
  const t = text.trim();
  if (t.length > 600) return 0;
  if (CONDITIONAL.test(t)) return 0;
  const verb = FIRST_VERB.exec(t);
  const someday = SOMEDAY.exec(t);
  if (verb && someday && someday.index < verb.index) return 0;
  return STARTS.test(t) || WANTS.test(t) || I_REPORT.test(t) || COMPLAINT.test(t) ? 0.96 : 0;
}

/** The words of a report request beyond the request itself ("mau lapor, sponsornya ambil uang sy"). */
export function reportDetails(text: string): string | undefined {
  const rest = text
    .replace(
      new RegExp(
        `\\b${ME}\\b|\\b${WANT}\\b|\\b${VERB}\\b|\\b(?:aja|saja|deh|dong|kak|min|ya|sih|nih|ini|ke|mana|kemana)\\b`,
        "giu",
      ),
      " ",
    )
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  return rest.split(" ").filter(Boolean).length >= 4 ? text.trim() : undefined;
}
