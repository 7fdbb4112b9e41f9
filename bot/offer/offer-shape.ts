/**
 * What a pasted or forwarded job offer looks like, from its structure rather than from
 * any one phrase: a text of some length that carries at least two of four kinds of
 * signs (the job, the pay, a contact, the departure), or one of them with the marks of a
 * forwarded message. A question about an offer is shorter and asks; an offer states.
 */
const JOB =
  /\b(lowongan|loker|dibutuhkan|dicari|dicarikan|butuh|membutuhkan|rekrut\w*|hiring|vacancy|vacancies|wanted|jobs?|posisi|position|bekerja|pekerja|karyawan|art|prt|tkw|caregiver|perawat|pengasuh|babysitter|pabrik|factory|operator|admin|customer\s+service|cs|waiter|waitress|pelayan|buruh|abk|kapal|kebun|perkebunan|konstruksi|cleaning|cleaner|sopir|driver|housemaid|maid|helper|domestic|restoran|restaurant|hotel|spa|marketing|telemarketing)\b/iu;
const PAY =
  /\b(gaji|salary|upah|bayaran|income|penghasilan|komisi|bonus|lembur|overtime)\b|\brp\.?\s?\d|\d\s?(jt|juta|rb|ribu|k)\b|\b(usd|us\$|hkd|hk\$|rm|sgd|s\$|nt\$?|ntd|twd|yen|sar|myr|krw|won|eur|aed|qar)\s?\d|\d[\d.,]*\s?(usd|hkd|rm|sgd|ntd|yen|dollars?|dolar|ringgit|riyal|won|euro)\b|[$€¥]\s?\d|\/\s?(bln|bulan|month|mo|jam|hour|hr|hari|day|minggu|week)\b/iu;
const CONTACT =
  /\b0?8\d{2}[\s-]?\d{3,}|\+\s?\d{2}\s?\d{3,}|\b08x+|\b(wa|whatsapp|japri|dm|inbox|hubungi|contact|telegram|tele|line|telp|telepon|tlp|call|minat|cp|info\s+lebih|daftar\s+segera|apply\s+now)\b|@\w{3,}/iu;
const DEPARTURE =
  /\b(berangkat|keberangkatan|visa|paspor|passport|tiket|ticket|flight|pesawat|penerbangan|proses|interview|medical|mcu|penampungan|asrama|mess|kontrak|contract|luar\s+negeri|abroad|overseas|jepang|japan|korea|taiwan|hong\s?kong|malaysia|singapura|singapore|brunei|arab|saudi|dubai|qatar|kuwait|oman|turki|turkey|polandia|poland|jerman|germany|kamboja|cambodia|myanmar|laos|thailand|phnom\s+penh|osaka|tokyo|taipei|kuala\s+lumpur|penang|sabah|sarawak|johor)\b/iu;
/** Marks of something forwarded or copied: quotes, "ada yg kirim ini", "got this", line breaks, bullets. */
const FORWARDED =
  /["“”'‘’«»].{40,}|\b(kirim\w*\s+(ini|gini)|dikirimi|dapat\s+(info|pesan|chat)|dpt\s+info|info\s+loker|di\s+grup|di\s+group|broadcast|forward\w*|fwd|diteruskan|got\s+this|received\s+this|sent\s+me|this\s+message|saw\s+this)\b|\n\s*(?:[-•*►▪]|✅|✔)/iu;
/** A text that is only a question: asking, not stating an offer. */
const ASKING =
  /^(apa|apakah|bagaimana|gimana|gmn|gmana|berapa|brp|kapan|kenapa|knp|mengapa|bisakah|bolehkah|kalau|kalo|klo|how|what|when|why|can|could|should|is|are|do|does)\b|\?\s*$/iu;

/** The kinds of offer signs a text carries. */
export interface OfferShape {
  job: boolean;
  pay: boolean;
  contact: boolean;
  departure: boolean;
  forwarded: boolean;
  /** How many of job, pay, contact, departure. */
  kinds: number;
}

export function offerShape(text: string): OfferShape {
  const s = text.slice(0, 4000);
  const shape = {
    job: JOB.test(s),
    pay: PAY.test(s),
    contact: CONTACT.test(s),
    departure: DEPARTURE.test(s),
    forwarded: FORWARDED.test(s),
  };
  const kinds = [shape.job, shape.pay, shape.contact, shape.departure].filter(Boolean).length;
  return { ...shape, kinds };
}

/**
 * How much a text looks like a pasted offer (0..1): 0.9 for three kinds of signs in a
 * text of 80 characters or more, 0.85 for two with the marks of a forwarded message, 0.8
 * for two in a text of 140 or more. A short question stays below the FAQ.
 */
export function pastedOfferScore(text: string): number {
  const t = text.trim();
  if (t.length < 60) return 0;
  const shape = offerShape(t);
  const asking = ASKING.test(t) && !shape.forwarded && t.length < 200;
  let score = 0;
  if (shape.kinds >= 3 && t.length >= 80) score = 0.9;
  else if (shape.kinds >= 2 && shape.forwarded && t.length >= 80) score = 0.85;
  else if (shape.kinds >= 2 && t.length >= 140) score = 0.8;
  else if (shape.kinds >= 1 && shape.forwarded && t.length >= 100) score = 0.6;
  return asking ? Math.min(score, 0.45) : score;
}
