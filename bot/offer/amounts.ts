import type { Word } from "./words";

/** A sum of money stated in an offer. */
export interface Amount {
  /** In units of `currency`. */
  value: number;
  /** ISO-like code (IDR, USD, MYR, …); IDR when only "juta"/"ribu" or thousands groups say so. */
  currency: string;
  /** Word indices [from, to) and character offsets in the original text. */
  from: number;
  to: number;
  start: number;
  end: number;
  /** What the money is for, judged from the words before it (set by annotateAmounts). */
  role?: "fee" | "pay";
  /** The value in rupiah, at the rough rates of content/redflags/vocabulary.yaml. */
  idr?: number;
}

/** Currency words as they appear after normalisation. */
const CURRENCY_WORDS: Record<string, string> = {
  rp: "IDR",
  idr: "IDR",
  rupiah: "IDR",
  usd: "USD",
  us: "USD",
  dolar: "USD",
  dollar: "USD",
  dollars: "USD",
  rm: "MYR",
  myr: "MYR",
  ringgit: "MYR",
  sgd: "SGD",
  hkd: "HKD",
  ntd: "TWD",
  twd: "TWD",
  nt: "TWD",
  sar: "SAR",
  riyal: "SAR",
  real: "SAR",
  yen: "JPY",
  jpy: "JPY",
  won: "KRW",
  krw: "KRW",
  eur: "EUR",
  euro: "EUR",
  aed: "AED",
  dirham: "AED",
  qar: "QAR",
};

const MULTIPLIERS: Record<string, number> = {
  juta: 1e6,
  jt: 1e6,
  jutaan: 1e6,
  million: 1e6,
  mio: 1e6,
  ribu: 1e3,
  rb: 1e3,
  k: 1e3,
  thousand: 1e3,
  miliar: 1e9,
};

/** A currency sign written just before the number ("$1200", "HK$5000", "€2.000"). */
function signBefore(text: string, at: number): string | undefined {
  const before = text.slice(Math.max(0, at - 3), at).toUpperCase();
  if (before.endsWith("HK$")) return "HKD";
  if (before.endsWith("NT$")) return "TWD";
  if (before.endsWith("S$")) return "SGD";
  if (before.endsWith("$")) return "USD";
  if (before.endsWith("€")) return "EUR";
  if (before.endsWith("¥")) return "JPY";
  return undefined;
}

/** "25.000.000" → 25000000, "1,5" → 1.5, "1.800" → 1800; undefined when not a number. */
export function parseNumber(s: string): number | undefined {
  if (s.length > 24) return undefined;
  if (/^\d{1,3}(?:[.,]\d{3})+$/.test(s)) return Number(s.replace(/[.,]/g, ""));
  if (/^\d+[.,]\d{1,2}$/.test(s)) return Number(s.replace(",", "."));
  if (/^\d+$/.test(s)) return Number(s);
  return undefined;
}

const TOKEN = /^([a-z]{0,3})(\d[\d.,]{0,23})([a-z]{0,5})$/;

/**
 * Reads the amount whose number stands at word `i`, with a currency before or after
 * ("Rp 25 jt", "25.000.000", "15jt", "$1200", "RM1.800", "1200 USD", "2,5 juta").
 * Plain numbers without currency, multiplier or thousands groups are not amounts.
 */
export function readAmount(text: string, words: Word[], i: number): Amount | undefined {
  const word = words[i]!;
  if (word.w.length > 32) return undefined;
  const m = TOKEN.exec(word.w);
  if (!m) return undefined;
  const [, pre = "", digits = "", post = ""] = m;
  const value = parseNumber(digits);
  if (value === undefined) return undefined;
  let currency = pre ? CURRENCY_WORDS[pre] : undefined;
  if (pre && !currency) return undefined;
  let mult = post ? MULTIPLIERS[post] : undefined;
  if (post && !mult) {
    currency = CURRENCY_WORDS[post];
    if (!currency) return undefined;
  }
  let from = i;
  let to = i + 1;
  if (!currency) {
    const prev = words[i - 1];
    const cur = prev && prev.end <= word.start ? CURRENCY_WORDS[prev.w] : undefined;
    if (prev && cur && word.start - prev.end <= 2) {
      currency = cur;
      from = i - 1;
    } else currency = signBefore(text, word.start);
  }
  const next = words[to];
  if (!mult && next && next.start - word.end <= 2 && MULTIPLIERS[next.w]) {
    mult = MULTIPLIERS[next.w];
    to++;
  }
  const after = words[to];
  if (!currency && after && after.start - words[to - 1]!.end <= 2 && CURRENCY_WORDS[after.w]) {
    currency = CURRENCY_WORDS[after.w];
    to++;
  }
  const hasGroups = /[.,]\d{3}$/.test(digits) && value >= 100_000;
  if (!currency && !mult && !hasGroups) return undefined;
  return {
    value: value * (mult ?? 1),
    currency: currency ?? "IDR",
    from,
    to,
    start: words[from]!.start,
    end: words[to - 1]!.end,
  };
}
