import { foldName } from "./normalize-name";

/**
 * A licence number in canonical form: upper case, parts separated by "-".
 * "sip3mi 2020 0133", "SIP3MI/2020/0133" -> "SIP3MI-2020-0133". Empty when it holds no letter or digit.
 */
export function normalizeLicense(text: string): string {
  return foldName(text)
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean)
    .join("-");
}

/**
 * The keys a licence is found by: the canonical form with leading zeros of number parts
 * dropped ("SIP3MI-2020-133"), and the same without separators ("SIP3MI2020133").
 */
export function licenseKeys(text: string): string[] {
  const parts = normalizeLicense(text)
    .split("-")
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? p.replace(/^0+(?=\d)/, "") : p));
  if (parts.length === 0) return [];
  const joined = parts.join("-");
  const compact = normalizeLicense(text).replace(/-/g, "");
  return joined === compact ? [joined] : [joined, compact];
}

/** True when a word looks like part of a licence number (has a digit, or is "SIP3MI"). */
export function looksLikeLicensePart(word: string): boolean {
  return /\d/.test(word);
}
