import { foldWord } from "../nlp/normalize";
import type { ReportSubject } from "./types";

const LEGAL_FORMS = new Set(["pt", "cv", "ud", "yayasan", "lpk", "p3mi", "tbk", "persero"]);
const STOP = new Set(
  "nomor no nomer hp wa whatsapp telp telepon tlp akun ig fb tiktok instagram facebook telegram dan di yang dengan namanya nama alamat kantor dari ke milik punya pemilik sponsor calo agen bos number phone account and in at from with is was the via lewat atau or kerja bekerja butuh mencari cari membuka buka tawarkan menawarkan".split(
    " ",
  ),
);

/** Phone numbers as digits with country code (0812… -> 62812…). */
export function phoneKeys(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?:\+|\b)\d(?:[\s.-]?\d){7,14}\b/g)) {
    let digits = m[0].replace(/\D/g, "");
    if (digits.startsWith("0")) digits = `62${digits.slice(1)}`;
    if (digits.length >= 9 && digits.length <= 15) out.add(digits);
  }
  return [...out];
}

/** Social-media accounts: @handles, profile links, "ig: name". Lower case, without "@". */
export function accountKeys(text: string): string[] {
  const out = new Set<string>();
  const add = (h: string | undefined) => {
    const v = h?.replace(/^@/, "").replace(/\.+$/, "").toLowerCase();
    if (v && v.length >= 2 && !/^\d+$/.test(v)) out.add(v);
  };
  for (const m of text.matchAll(/(?:^|[\s(])@([a-z0-9_.]{2,30})/gi)) add(m[1]);
  for (const m of text.matchAll(
    /(?:facebook|fb|instagram|tiktok|twitter|x|t)\.(?:com|me)\/(?:profile\.php\?id=)?(@?[\w.]{2,40})/gi,
  ))
    add(m[1]);
  for (const m of text.matchAll(
    /\b(?:ig|fb|tiktok|instagram|facebook|telegram|akun)\s*:\s*@?([\w.]{2,30})/gi,
  ))
    add(m[1]);
  return [...out];
}

/** Folded words of a company name without legal forms: "PT. Maju-Jaya" -> "maju jaya". */
export function companyKey(name: string): string {
  return foldWord(name)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .split(" ")
    .filter((w) => w && !LEGAL_FORMS.has(w))
    .join(" ");
}

/** Company names introduced by a legal form ("PT Maju Jaya", "CV. Sinar"), up to five words. */
export function companies(text: string): string[] {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/\b(PT|CV|UD|Yayasan|LPK)\b\.?\s+([^\n,;:()]+)/gi)) {
    const words: string[] = [];
    for (const w of (m[2] ?? "").split(/\s+/)) {
      const clean = w.replace(/[^\p{L}\p{N}&'-]/gu, "");
      if (!clean || STOP.has(foldWord(clean)) || /^\+?\d{6,}/.test(clean)) break;
      words.push(clean);
      if (words.length === 5 || /[.!?]$/.test(w)) break;
    }
    if (!words.length) continue;
    const display = `${(m[1] ?? "").toUpperCase().replace("YAYASAN", "Yayasan")} ${words.join(" ")}`;
    const key = companyKey(display);
    if (key && !out.has(key)) out.set(key, display);
  }
  return [...out.values()];
}

/** What a report's "who" answer names, extracted for grouping and warnings. */
export function extractSubject(text: string | undefined): ReportSubject {
  if (!text) return { companies: [], phones: [], accounts: [] };
  return { text, companies: companies(text), phones: phoneKeys(text), accounts: accountKeys(text) };
}

/** The grouping keys of a subject: `co:`, `ph:` and `ac:` prefixed. */
export function subjectKeys(s: ReportSubject): string[] {
  return [
    ...s.companies.map((c) => `co:${companyKey(c)}`),
    ...s.phones.map((p) => `ph:${p}`),
    ...s.accounts.map((a) => `ac:${a}`),
  ];
}
