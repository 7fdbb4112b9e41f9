import { describe, expect, it } from "vitest";
import type { HandleResult } from "../../bot/model";
import { allText, makeBot } from "../helpers/make-bot";

/** Company names read from sentences, through handle() on the shipped sample registry. */

type Recruiter = { status: string; match: { name: string } | null };
const recruiterOf = (r: HandleResult) => r.meta.recruiter as Recruiter | undefined;

describe("company names are read without swallowing the question", () => {
  it("'lwt pt apa aman ga' names no company: it is a question", async () => {
    const { say } = makeBot();
    await say("a", "menu");
    const r = await say("a", "kerja ke taiwan lwt pt apa aman ga");
    expect(r.meta.flow).not.toBe("recruiter");
    expect(recruiterOf(r)).toBeUndefined();
  });

  it("a city or region after the name does not spoil an exact match, and is said to be a place", async () => {
    const { say } = makeBot();
    for (const text of [
      "PT Sampel Karya Mandiri bekasi",
      "PT Sampel Karya Mandiri kota bekasi resmi gk?",
      "sampel karya mandiri jakarta timur itu terdaftar?",
    ]) {
      const r = await say("b", text);
      expect(recruiterOf(r)?.status, text).toBe("licensed");
      expect(recruiterOf(r)?.match?.name).toBe("PT Sampel Karya Mandiri");
      expect(allText(r)).toMatch(/sebagai tempat/);
    }
  });

  it("a longer name is never shortened onto a licensed one by a word that is not a place", async () => {
    const { say } = makeBot();
    const r = await say("c", "PT Sampel Karya Mandiri Jaya resmi?");
    expect(recruiterOf(r)?.status).toBe("revoked");
  });

  it("a relative in the sentence does not spoil the match", async () => {
    const { say } = makeBot();
    const r = await say("d", "adik sy mau lewat PT Sampel Karya Mandiri, resmi gak?");
    expect(recruiterOf(r)?.status).toBe("licensed");
    const r2 = await say("e", "anak saya mau berangkat lewat sampel karya mandiri palembang, itu legal?");
    expect(recruiterOf(r2)?.status).toBe("licensed");
  });

  for (const form of ["CV", "UD", "Yayasan", "Koperasi"]) {
    it(`a ${form} with a licensed PT's words is not that PT and never licensed`, async () => {
      const { say } = makeBot();
      const r = await say("f", `${form} Sampel Karya Mandiri resmi gk?`);
      expect(recruiterOf(r)?.status).toBe("not-found");
      expect(allText(r)).toContain(`${form} bukan PT`);
      expect(allText(r)).toContain("PT Sampel Karya Mandiri");
      // The legal basis is behind "More" (answers fit a phone, issue 18).
      const more = await say("f", { choice: "more:0" });
      expect(`${allText(r)}\n${allText(more)}`).toContain("Permen P2MI 17/2025 Pasal 1 angka 3");
    });
  }
});
