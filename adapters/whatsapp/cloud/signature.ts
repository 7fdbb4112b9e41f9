import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Checks `X-Hub-Signature-256: sha256=<hex>` against HMAC-SHA256 of the raw body bytes with
 * the app secret, in constant time. The raw bytes matter: re-serialised JSON differs.
 */
export function validSignature(raw: Uint8Array, header: string | undefined, appSecret: string): boolean {
  if (header?.length !== 71 || !header.startsWith("sha256=")) return false;
  const given = Buffer.from(header.slice(7), "hex");
  const expected = createHmac("sha256", appSecret).update(raw).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The header value Meta would send for this body (tests, benchmarks). */
export function signBody(raw: string | Uint8Array, appSecret: string): string {
  return `sha256=${createHmac("sha256", appSecret).update(raw).digest("hex")}`;
}
