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

/**
 * The number parts of a licence alone ("2020-133" for "SIP3MI-2020-0133"), for people who
 * type only the numbers. Undefined when the licence has fewer than two number parts.
 */
export function licenseDigitsKey(text: string): string | undefined {
  const nums = normalizeLicense(text)
    .split("-")
    .filter((p) => /^\d+$/.test(p))
    .map((p) => p.replace(/^0+(?=\d)/, ""));
  return nums.length >= 2 ? `#${nums.join("-")}` : undefined;
}
