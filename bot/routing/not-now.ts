import { writerInDanger } from "./writer-in-danger";

/**
 * Danger words that tell of nobody's danger now:
 * - a hypothetical from someone planning ("kalau misal nanti paspor ditahan majikan, aku
 *   kudu piye?", "what if one day my employer keeps my passport?", "seandainya disekap agen,
 *   lapor ke mana?");
 * - a news story, a film or a post about strangers ("td baco berito ado TKW disekap di
 *   malaysia", "I read about people held in Cambodia", "nonton film soal perdagangan orang");
 * - a finished story ("dulu aku pernah disekap agen, tapi sekarang udah aman di rumah").
 * Each gets its normal answer instead of the emergency flow. Any sign that the writer, or
 * someone close to them, is in it now keeps the emergency: "sy skrg …", "tolong", "lagi",
 * "my sister", "adik saya".
 */
const HYPOTHETICAL =
  /\b(?:misal|misalnya|misalkan|seandainya|andai|andaikan|umpama|umpamanya|jaga[\s-]?jaga|what\s+if|suppose|supposing|in\s+case|hypothetically|if\s+(?:one\s+day|someday|ever|later|in\s+the\s+future))\b|\b(?:kalau|kalo|klo|kl|jika|jikalau|bila|apabila|nek|yen|lamun|upami|pami|if)\b.{0,40}\b(?:nanti|ntar|kelak|suatu\s+(?:hari|saat|waktu)|sewaktu[\s-]?waktu|kapan[\s-]?kapan|kagek|engko|one\s+day|someday|later|ever|in\s+the\s+future)\b/iu;
/** The danger is going on, or has happened before: not a hypothetical any more. */
const ONGOING =
  /\b(?:lagi|lg|masih|msh|sekarang|skrg|skg|skrang|sedang|sdg|tadi|barusan|again|still|now|right\s+now|currently|already)\b|\b(?:sudah|udah|udh|sdh|telah)\s+di\w+|\b(?:is|are|am|being|keeps?)\s+(?:\w+\s+)?\w+ing\b/iu;

const NEWS =
  /\b(?:berita|berito|beritanya|news|artikel|article|koran|newspaper|tv|televisi|film|filem|movie|sinetron|drama|dokumenter|documentary|youtube|tiktok|viral|postingan|unggahan|headline|liputan|report(?:ed)?\s+(?:on|about))\b|\b(?:baca|baco|membaca|nonton|menonton|ditonton|lihat\s+di|liat\s+di|read|watched|saw\s+(?:on|in|a))\b/iu;
/** Someone close to the writer: then a story may be theirs to tell now. */
const CLOSE =
  /\b(?:saya|sy|aku|aq|gw|gue|kami|kita|ku|my|our|i|we|me|us|adik|adek|kakak|anak|istri|suami|ibu|ayah|bapak|mama|papa|sepupu|keponakan|ponakan|saudara|tetangga|teman|temen|kawan|sister|brother|daughter|son|wife|husband|mother|father|cousin|friend|niece|nephew)\b/iu;
/** Words about oneself that only say how the story felt ("ngeri nian", "aku takut bacanya"). */
const FEELING =
  /\b(?:saya|sy|aku|aq|gw|gue|i|we)\s+(?:jadi\s+|jd\s+|jg\s+|juga\s+)?(?:takut|ngeri|sedih|khawatir|was-was|cemas|kaget|merinding|scared|afraid|worried|shocked|sad)\b|\b(?:i|we)\s+(?:read|saw|watched|heard)\b|\b(?:saya|sy|aku|aq|gw|gue)\s+(?:baca|baco|nonton|lihat|liat|denger|dengar)\b/giu;

const FINISHED_PAST =
  /\b(?:dulu|dahulu|dulunya|pernah|tahun\s+lalu|years?\s+ago|used\s+to|back\s+then|once)\b/iu;
const SAFE_NOW =
  /\b(?:sekarang|skrg|skg|now)\b.{0,20}\b(?:aman|selamat|sudah\s+pulang|udah\s+pulang|udh\s+pulang|di\s+rumah|baik[\s-]?baik|safe|home|fine|okay|ok)\b|\b(?:i\s+am|i'm|we\s+are|we're)\s+(?:safe|home|back\s+home|fine)\s+now\b/iu;
/** Someone is still in it: "tapi adik saya masih di sana". */
const STILL = /\b(?:masih|msh|lagi|lg|still|again)\b/iu;
const PLEA = /\b(?:tolong|tlg|bantu|help|sos|darurat|emergency)\b/iu;

/** True when danger words tell of a hypothetical, a news story or a finished story, not of danger now. */
export function dangerNotNow(text: string): boolean {
  if (PLEA.test(text)) return false;
  // "if one day I am locked in …" speaks of the writer, but of a day that has not come.
  if (HYPOTHETICAL.test(text) && !ONGOING.test(text)) return true;
  if (FINISHED_PAST.test(text) && SAFE_NOW.test(text) && !STILL.test(text)) return true;
  if (writerInDanger(text)) return false;
  return NEWS.test(text) && !CLOSE.test(text.replace(FEELING, " "));
}
