/**
 * "laporkan", "lapor kak", "mau lapor …", "sy mau laporkan PT …", "I want to report …":
 * the person wants to report now. "cara lapor gimana?" and "lapor ke mana?" ask how or
 * where, which the FAQ answers; they are not the start of a report.
 */
const VERB =
  "(?:lapor|laporin|laporkan|melapor|melaporkan|ngelapor|ngelaporin|pelaporan|ngadu|ngadukan|mengadu|mengadukan|adukan|aduin)";
const WANT =
  "(?:mau|mo|ingin|pengen|pingin|pgn|ingin|akan|bakal|saya|sy|aku|gw|kami|tolong|tlg|mohon|minta|ayo|yuk|langsung|pengin|harus|perlu)";
const STARTS = new RegExp(`^${VERB}\\b`, "iu");
const WANTS = new RegExp(`\\b${WANT}\\s+(?:\\S+\\s+){0,2}?${VERB}\\b`, "iu");
const EN =
  /^report\b|\b(?:i\s+want\s+to|i'd\s+like\s+to|i\s+would\s+like\s+to|want\s+to|wanna|let\s+me|i\s+need\s+to|i\s+must|please)\s+report\b/iu;
/** How or where to report: a question for the FAQ. */
const HOW_WHERE =
  /\b(gimana|bagaimana|gmn|gmana|caranya|cara|kemana|kmn|kemano|mana|mano|dimana|dmn|where|how|siapa|who|nomor|nomer|alamat|kantor)\b/iu;

/** How sure we are (0..1) that the text starts a report. */
export function reportIntent(text: string): number {
  const t = text.trim();
  if (t.length > 600) return 0;
  const wants = STARTS.test(t) || WANTS.test(t) || EN.test(t);
  if (!wants) return 0;
  return HOW_WHERE.test(t) ? 0 : 0.9;
}

/** The words of a report request beyond the request itself ("mau lapor, sponsornya ambil uang sy"). */
export function reportDetails(text: string): string | undefined {
  const rest = text
    .replace(
      new RegExp(`\\b${WANT}\\b|\\b${VERB}\\b|\\b(?:aja|saja|deh|dong|kak|min|ya|sih|nih|ini)\\b`, "giu"),
      " ",
    )
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  return rest.split(" ").filter(Boolean).length >= 4 ? text.trim() : undefined;
}
