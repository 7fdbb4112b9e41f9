import { createHash, createHmac } from "node:crypto";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { who } from "../../bot/logger";
import { loadPseudonymSecret, PSEUDONYM_FILE } from "../../bot/pseudonym-secret";
import { DataFileError } from "../../bot/store/secure-json-file";

describe("log pseudonyms (who)", () => {
  it("are an HMAC-SHA256 with a per-install secret created on first start (mode 600), stable across restarts", () => {
    const dir = join(mkdtempSync(join(tmpdir(), "pseudo-")), "data");
    const key = loadPseudonymSecret(dir);
    const file = join(dir, PSEUDONYM_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(key.length).toBe(32);
    const phoneKey = "whatsapp:6281234567890@c.us";
    const pseudonym = who(phoneKey);
    expect(pseudonym).toBe(createHmac("sha256", key).update(phoneKey).digest("hex").slice(0, 12));
    // Not the plain hash that anyone could compute by trying every phone number.
    expect(pseudonym).not.toBe(createHash("sha256").update(phoneKey).digest("hex").slice(0, 12));
    // A restart reads the same secret: the same person keeps the same pseudonym.
    const before = readFileSync(file, "utf8");
    expect(loadPseudonymSecret(dir).equals(key)).toBe(true);
    expect(readFileSync(file, "utf8")).toBe(before);
    expect(who(phoneKey)).toBe(pseudonym);
    // Another install has another secret, so other pseudonyms.
    loadPseudonymSecret(join(mkdtempSync(join(tmpdir(), "pseudo-")), "data"));
    expect(who(phoneKey)).not.toBe(pseudonym);
  });

  it("a damaged secret file stops start-up naming the file; it is never replaced", () => {
    const dir = mkdtempSync(join(tmpdir(), "pseudo-"));
    const file = join(dir, PSEUDONYM_FILE);
    writeFileSync(file, "not a key\n");
    expect(() => loadPseudonymSecret(dir)).toThrow(DataFileError);
    expect(() => loadPseudonymSecret(dir)).toThrow(/pseudonym\.key/);
    expect(readFileSync(file, "utf8")).toBe("not a key\n");
  });
});
