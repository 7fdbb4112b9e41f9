/** Telegram's limit on one message's text (counted after entity parsing). */
export const TELEGRAM_TEXT_LIMIT = 4096;

/** Escapes text for Telegram's HTML parse mode: only `&`, `<` and `>` need it. */
export function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/**
 * The core's light markup (plain text with `*bold*`) as Telegram HTML. Everything is
 * escaped first, so no user or content text can inject tags; a lone `*` stays a `*`.
 */
export function toTelegramHtml(text: string): string {
  return escapeHtml(text).replace(/\*(?=\S)([^*\n]*?\S)\*/g, "<b>$1</b>");
}

/**
 * Splits text into parts of at most `limit` characters, preferring paragraph breaks,
 * then line breaks, then spaces; a word longer than the limit is cut (never inside a
 * surrogate pair). Joining the parts with the separators they were cut at gives the text back.
 */
export function splitText(text: string, limit = TELEGRAM_TEXT_LIMIT): string[] {
  const parts: string[] = [];
  let rest = text;
  const minCut = Math.floor(limit * 0.3);
  while (rest.length > limit) {
    const window = rest.slice(0, limit + 1);
    let cut = -1;
    let skip = 0;
    for (const sep of ["\n\n", "\n", " "]) {
      const at = window.lastIndexOf(sep, limit);
      if (at >= minCut) {
        cut = at;
        skip = sep.length;
        break;
      }
    }
    if (cut < 0) {
      cut = limit;
      const code = rest.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    }
    const head = rest.slice(0, cut).trimEnd();
    if (head) parts.push(head);
    rest = rest.slice(cut + skip).replace(/^\n+/, "");
  }
  if (rest.trim() || parts.length === 0) parts.push(rest);
  return parts;
}
