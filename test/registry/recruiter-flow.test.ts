import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { VerifyResult } from "../../bot/registry/types";
import { allText, choiceIds, makeBot } from "../helpers/make-bot";

const dataDir = mkdtempSync(join(tmpdir(), "recruiter-flow-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const newBot = () => makeBot({ env: { DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: "1000" } });
const rec = (meta: Record<string, unknown>) => meta.recruiter as VerifyResult;

describe("recruiter flow (sample registry)", () => {
  it("asks, answers with the sample label, source and date, and offers the next steps", async () => {
    const t = newBot();
    await t.say("a", "menu");
    const ask = await t.say("a", { choice: "menu:recruiter" });
    expect(ask.meta.flow).toBe("recruiter");
    expect(allText(ask)).toMatch(/nama perusahaan/i);

    const r = await t.say("a", "PT Contoh Sampel Sejahtera");
    expect(rec(r.meta)).toMatchObject({
      status: "licensed",
      match: { name: "PT Contoh Sampel Sejahtera", license: "SIP3MI-0000-0001" },
      sample: true,
    });
    const text = allText(r);
    expect(text).toMatch(/data contoh/i);
    expect(text).toMatch(/SIP2MI/);
    expect(text).toMatch(/perjanjian kerja/);
    expect(text).toMatch(/Sumber: DATA CONTOH .* diperbarui 01\/11\/2026/);
    expect(choiceIds(r)).toEqual(["recruiter:again", "menu:offer", "report:start"]);
  });

  it("offers near names as choices and answers the one picked", async () => {
    const t = newBot();
    await t.say("b", { choice: "menu:recruiter" });
    const r = await t.say("b", "pt sampel karya mandri");
    expect(rec(r.meta).status).toBe("ambiguous");
    expect(rec(r.meta).match).toBeNull();
    expect(allText(r)).toMatch(/mirip/);
    const ids = choiceIds(r);
    expect(ids[0]).toBe("recruiter:pick:SIP3MI-0000-0002");
    const picked = await t.say("b", "1");
    expect(rec(picked.meta)).toMatchObject({
      status: "licensed",
      match: { name: "PT Sampel Karya Mandiri" },
    });
  });

  it("starts from free text naming a company, in a family member's words", async () => {
    const t = newBot();
    await t.say("c", "menu");
    const r = await t.say("c", "anak saya mau berangkat lewat PT Contoh Tenaga Sampel, resmi gak?");
    expect(r.meta.flow).toBe("recruiter");
    expect(rec(r.meta)).toMatchObject({ status: "suspended", match: { name: "PT Contoh Tenaga Sampel" } });
    expect(allText(r)).toMatch(/DIBEKUKAN/);
    expect(allText(r)).toMatch(/keluarga/);
  });

  it("explains that individuals may not recruit", async () => {
    const t = newBot();
    await t.say("d", { choice: "menu:recruiter" });
    const r = await t.say("d", "sponsornya pak Dedi");
    expect(rec(r.meta)).toMatchObject({ status: "not-found", person: true });
    expect(allText(r)).toMatch(/perorangan/i);
    expect(allText(r)).toMatch(/Pasal 69/);
  });

  it("gives not-found advice and mentions verified reports", async () => {
    const t = newBot();
    t.bot.services.warnings = { verifiedReports: async () => [{ term: "pt angin ribut", count: 2 }] };
    await t.say("e", "menu");
    const r = await t.say("e", "PT Angin Ribut Sekali");
    expect(rec(r.meta).status).toBe("not-found");
    const text = allText(r);
    expect(text).toMatch(/Tidak ada/);
    expect(text).toMatch(/Disnaker/);
    expect(text).toMatch(/2 laporan terverifikasi/);
    expect(choiceIds(r)).toContain("report:start");
  });

  it("lets unrelated text go once a result was shown", async () => {
    const t = newBot();
    await t.say("f", "menu");
    await t.say("f", "PT Mitra Contoh Nusantara");
    const r = await t.say("f", "terima kasih banyak");
    expect(r.meta.flow).not.toBe("recruiter");
    const again = await t.say("f", { choice: "recruiter:again" });
    expect(again.meta.flow).toBe("recruiter");
    const next = await t.say("f", "sampel bahari abadi");
    expect(rec(next.meta)).toMatchObject({ status: "revoked" });
  });

  it("answers a licence number typed as free text, and speaks English", async () => {
    const t = newBot();
    await t.say("g", "language");
    await t.say("g", { choice: "language:en" });
    const r = await t.say("g", "sip3mi 0000 0005");
    expect(r.meta.flow).toBe("recruiter");
    expect(rec(r.meta)).toMatchObject({ status: "licensed", match: { name: "PT Mitra Contoh Nusantara" } });
    // The source line is behind "More" (answers fit a phone).
    const more = await t.say("g", { choice: "more:0" });
    const text = `${allText(r)}\n${allText(more)}`;
    expect(text).toMatch(/sample data/i);
    expect(text).toMatch(/SIP2MI/);
    expect(text).toMatch(/Source: .* updated 2026-11-01/);
    expect(String(rec(r.meta).advice)).toMatch(/data contoh/);
  });

  it("warns about look-alike names next to an exact match", async () => {
    const t = newBot();
    await t.say("h", "menu");
    const r = await t.say("h", "PT Sampel Karya Mandiri Jaya");
    expect(rec(r.meta).status).toBe("revoked");
    expect(allText(r)).toMatch(/nama mirip/);
  });
});
