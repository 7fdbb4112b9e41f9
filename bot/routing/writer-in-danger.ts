/**
 * Signs that the writer (or someone with them) is in the danger they describe, now: a
 * first-person word close to "now / still / already there / myself", a plea for help, or
 * "that is me". A pasted advert or a forwarded chat quotes other people's words; with none
 * of these signs its danger words are evidence to check, not the writer's emergency.
 */
const ME = "(?:saya|sy|aku|aq|gw|gue|gua|ane|kami|kita)";
const NOW =
  "(?:sekarang|skrg|skg|skrang|sendiri|terjebak|disekap|dikurung|dikunci|ditahan|dipukul|disiksa|diancam|dijual|dipaksa|" +
  "(?:lagi|lg|sedang|sdg|masih|msh|udah|udh|sudah|sdh)\\s+di|(?:gak|ga|gk|tidak|tdk|nggak)\\s+(?:boleh|bisa)\\s+(?:keluar|pulang|pergi))";
const SIGNS: RegExp[] = [
  // "sy skrg di penampungan itu", "aku masih di sana", "kami disekap"
  new RegExp(`\\b${ME}\\s+(?:\\S+\\s+){0,2}?${NOW}\\b`, "iu"),
  // "itu sy sendiri", "yang di iklan itu aku"
  new RegExp(`\\b(?:itu|ini)\\s+(?:\\S+\\s+)?${ME}\\b(?!\\s+(?:mau|ingin|pengen)\\b)`, "iu"),
  // "tolong saya", "tlg kami", "help me", "SOS"
  new RegExp(`\\b(?:tolong|tlg|bantu)\\s+${ME}\\b|\\bhelp\\s+(?:me|us)\\b|\\bsos\\b`, "iu"),
  // "I am there now", "we're locked in", "I'm still at the camp"
  /\b(?:i\s+am|i'm|im|we\s+are|we're)\s+(?:\S+\s+){0,2}?(?:now|still|there|here|trapped|locked|stuck|held|being)\b/iu,
  /\b(?:my|our)\s+(?:passport|phone)\s+(?:was|is|has\s+been|were)\b/iu,
];

/** True when the writer says they are in it ("itu sy sendiri", "sy skrg di penampungan itu"). */
export function writerInDanger(text: string): boolean {
  return SIGNS.some((re) => re.test(text));
}
