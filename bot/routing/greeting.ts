/**
 * Greetings and politeness fused with a message ("assalamualaikum min, …", "permisi kak …",
 * "… ya kak 🙏") carry no meaning for routing. They are taken off the start and the end
 * of a message so every flow reads the same sentence whether or not the person greeted.
 */

/** Words that open a message and are only greeting or politeness. */
const OPENERS = new Set(
  `assalamualaikum assalamu'alaikum assalamu asalamualaikum asslamualaikum assalamualaikm aslm askum
  salam waalaikumsalam wr wb warahmatullahi wabarakatuh warahmatullah
  halo hallo haloo helo hai hay hi hii hello hey hei
  permisi punten sampurasun nuwun sewu nyuwun tabik horas
  selamat met
  mohon maaf maap sorry excuse
  good morning afternoon evening day`.split(/\s+/),
);

/** "pagi min", "selamat malam": a time of day greets only after "selamat" or before an address. */
const TIMES = new Set(["pagi", "siang", "sore", "malam", "morning", "evening"]);

/**
 * Ways of addressing the bot or an admin. After a greeting, or followed by a comma, they
 * are politeness; a bare "pak Dedi …" is a person's name and is kept.
 */
const ADDRESS = new Set(
  `min mimin admin kak ka kakak kk mas mbak mba bang abang pak bu bapak ibu gan agan sis sist bro om tante teh
  akang kang cak uda uni dik dek adek mbakyu sob bund bunda sir madam maam ma'am team tim all semua`.split(
    /\s+/,
  ),
);

/** Address words that are never a person's honorific: stripped wherever they lead. */
const ALWAYS_ADDRESS = new Set([
  "min",
  "mimin",
  "admin",
  "gan",
  "agan",
  "sis",
  "sist",
  "sob",
  "team",
  "tim",
  "all",
]);

/** Closing words: thanks and softeners at the end ("… ya kak", "… makasih min 🙏"). */
const CLOSERS = new Set(
  `makasih makasi mksh trims trimakasih terimakasih thanks thank thx ty tq you nuwun suwun matur`.split(
    /\s+/,
  ),
);
/** Two-word phrases among the openers and closers. */
const PHRASES = /\b(terima kasih|matur nuwun|numpang tanya|mohon maaf|good (morning|afternoon|evening))\b/giu;

const WORD = /[\p{L}']+/gu;
const SEPARATOR = /^(?:[\s,.!:;~\-–—]|\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F)*$/u;

interface Piece {
  word: string;
  start: number;
  end: number;
}

function pieces(text: string): Piece[] {
  return [...text.matchAll(WORD)].map((m) => ({
    word: m[0].toLowerCase(),
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
}

/** True when only separators (spaces, punctuation, emoji) are left. */
function separated(rest: string): boolean {
  return SEPARATOR.test(rest.replace(/\?/g, ""));
}

/**
 * The message without the greeting and politeness around it. Returns the text unchanged
 * when nothing but greeting is left (a bare "halo kak" is still a greeting to answer).
 */
export function stripGreeting(text: string): string {
  const marked = text.replace(PHRASES, (m) => m.replace(/\s+/g, "\u00a0"));
  const ps = pieces(marked.replace(/\u00a0/g, " "));
  let head = 0;
  let greeted = false;
  while (head < ps.length) {
    const p = ps[head]!;
    const next = ps[head + 1];
    const gap = next ? marked.slice(p.end, next.start) : "";
    const phrase = gap.includes("\u00a0");
    const prev = ps[head - 1]?.word;
    const time =
      TIMES.has(p.word) &&
      (prev === "selamat" || prev === "met" || !next || ADDRESS.has(next.word) || /[,.!]/.test(gap));
    if (OPENERS.has(p.word) || phrase || time) {
      greeted = true;
      head++;
      continue;
    }
    const comma = !next || /[,.!:;]/.test(gap);
    if (ADDRESS.has(p.word) && (greeted || comma || ALWAYS_ADDRESS.has(p.word))) {
      head++;
      continue;
    }
    break;
  }
  let tail = ps.length;
  while (tail > head) {
    const p = ps[tail - 1]!;
    if (CLOSERS.has(p.word) || ALWAYS_ADDRESS.has(p.word) || (ADDRESS.has(p.word) && tail - 1 > head)) {
      // "… hubungi kak Dewi" ends in a name, not in an address: only strip an address
      // word that is the last word, or followed by closers only.
      tail--;
      continue;
    }
    break;
  }
  if (head >= tail) return text;
  if (head === 0 && tail === ps.length) return text;
  const start = head === 0 ? 0 : ps[head]!.start;
  const end = ps[tail - 1]!.end;
  // Keep what closes the sentence: "… brp kak?" keeps its "?", a quoted advert its quote.
  const after = text.slice(end);
  const trimmedEnd = tail < ps.length || separated(after);
  const body = text.slice(start, end) + (trimmedEnd ? (after.includes("?") ? "?" : "") : after);
  return body.trim() || text;
}
