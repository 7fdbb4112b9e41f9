import type { Lang } from "../model";
import type { Lexicon } from "./lexicon";
import { foldWord } from "./normalize";

/** Function words that only English uses (Indonesian borrowings such as "visa" are not here). */
const EN_WORDS = new Set(
  (
    "the a an is are was were be been am do does did i me my you your we our he she it its they their " +
    "what which who whom how when where why can could should would will shall may might must to of in on " +
    "at for from with by about and or but if so that this these those there here please hi hello thanks " +
    "thank get have has had want need know tell way much many really very just also still not no yes " +
    "before after work working job jobs abroad overseas country countries legal legally cost costs pay " +
    "money free safe help someone agency company passport documents document visa required need needed " +
    "nearest near my mine"
  ).split(" "),
);

/** Words that only Indonesian uses (standard forms; the informal lexicon adds slang). */
const ID_WORDS = new Set(
  (
    "yang dan di ke dari untuk dengan apa apakah bagaimana berapa kapan kenapa mengapa siapa dimana mana " +
    "saya aku kamu anda kami kita dia mereka ini itu ada adalah tidak bukan sudah belum akan bisa boleh " +
    "harus perlu mau ingin kerja bekerja luar negeri biaya bayar jadi cara caranya syarat daftar " +
    "gaji orang tua surat izin kalau jika atau juga saja lagi masih sama buat agar supaya"
  ).split(" "),
);

/** Only these are clear signs; words shared by both languages (visa, paspor/passport) are not. */
const BOTH = new Set([
  "visa",
  "admin",
  "online",
  "scam",
  "japan",
  "germany",
  "cambodia",
  "check",
  "korea",
  "taiwan",
  "hongkong",
]);

/**
 * The language of a short question: "en", "id", or undefined when it cannot tell
 * (no clear words, or a tie). Informal Indonesian words (the lexicon) count as Indonesian;
 * domain words the lexicon keeps as they are (KTP, BPJS, paspor) count for neither.
 */
export function detectLanguage(text: string, lexicon?: Lexicon): Lang | undefined {
  let en = 0;
  let id = 0;
  for (const m of text.matchAll(/[\p{L}']+/gu)) {
    const w = foldWord(m[0]).replace(/'/g, "");
    if (BOTH.has(w)) continue;
    if (EN_WORDS.has(w)) en++;
    const slang = lexicon?.get(w);
    if (ID_WORDS.has(w) || (slang !== undefined && slang !== w && !EN_WORDS.has(w))) id++;
  }
  if (en === id) return undefined;
  return en > id ? "en" : "id";
}
