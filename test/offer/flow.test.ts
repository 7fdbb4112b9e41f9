import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openFileStore } from "../../bot/store/open-store";
import { allText, choiceIds, makeBot } from "../helpers/make-bot";

const RISKY =
  "LOWONGAN KERJA LUAR NEGERI. Dicari pembantu rumah tangga untuk majikan di Qatar, gaji 6 juta per bulan, " +
  "berangkat pakai visa kunjungan, biaya medical 3 juta dibayar dulu, kontrak nanti di sana.";
const LEGIT =
  "Lowongan resmi lewat perusahaan penempatan berizin: operator pabrik ke Jepang program SSW, usia 18-30 tahun, " +
  "wajib lulus JFT-Basic dan tes keterampilan, tanpa biaya penempatan, pendaftaran di LTSA dan Disnaker setempat.";

type Risk = { level: string; score: number; flags: { id: string; evidence: string }[]; advice: string };

describe("offer flow", () => {
  it("menu → paste → level, flags with evidence and basis, next steps", async () => {
    const b = makeBot();
    await b.say("u1", "halo");
    const asked = await b.say("u1", { choice: "menu:offer" });
    expect(asked.meta.flow).toBe("offer");
    expect(choiceIds(asked)).toContain("offer:questionnaire");
    const r = await b.say("u1", RISKY);
    const risk = r.meta.risk as Risk;
    expect(risk.level).toBe("high");
    expect(risk.flags.map((f) => f.id)).toEqual(
      expect.arrayContaining(["moratorium-destination", "non-work-visa", "upfront-fee", "no-contract"]),
    );
    for (const f of risk.flags) expect(RISKY).toContain(f.evidence);
    const text = allText(r);
    expect(text).toContain("Risiko TINGGI");
    expect(text).toContain("Kepmenaker 260/2015");
    expect(text).toContain(`"${risk.flags[0]!.evidence}"`);
    const ids = choiceIds(r);
    expect(ids).toEqual(
      expect.arrayContaining(["menu:recruiter", "menu:faq", "report:start", "offer:officer"]),
    );
    const more = ids.find((id) => id.startsWith("offer:more:"))!;
    const full = await b.say("u1", { choice: more });
    expect(allText(full)).toContain("UU 18/2017 Pasal 30");
  });

  it("a pasted advert anywhere is recognised and checked after a yes", async () => {
    const b = makeBot();
    await b.say("u2", "halo");
    const r = await b.say("u2", RISKY);
    expect(r.meta.flow).toBe("offer");
    expect(r.meta.risk).toBeUndefined();
    expect(choiceIds(r)).toEqual(["offer:check", "offer:no"]);
    const yes = await b.say("u2", { choice: "offer:check" });
    expect((yes.meta.risk as Risk).level).toBe("high");
    // "Tidak" leaves the offer alone.
    await b.say("u2", RISKY);
    const no = await b.say("u2", { choice: "offer:no" });
    expect(no.meta.risk).toBeUndefined();
    expect(choiceIds(no)).toContain("menu:offer");
  });

  it("an advert with danger words is checked at once, with a pointer to help, not an emergency", async () => {
    const b = makeBot();
    await b.say("u7", "halo");
    const r = await b.say("u7", `${RISKY} Paspor dipegang agen selama kontrak.`);
    expect(r.meta.emergency).toBeFalsy();
    expect((r.meta.risk as Risk).flags.map((f) => f.id)).toContain("document-retention");
    expect(choiceIds(r)).toContain("menu:emergency");
  });

  it("a low result never says safe, lists checks and points to Disnaker", async () => {
    for (const lang of ["id", "en"] as const) {
      const b = makeBot();
      await b.say("u3", "halo");
      if (lang === "en") await b.say("u3", { choice: "language:en" });
      await b.say("u3", { choice: "menu:offer" });
      const r = await b.say("u3", LEGIT);
      expect((r.meta.risk as Risk).level).toBe("low");
      const text = allText(r);
      expect(text).toContain("Disnaker");
      expect(text).not.toMatch(/\baman\b|\bsafe\b/i);
      expect(text).toContain("✅");
    }
  });

  it("talk to an officer gives contacts and the report choice", async () => {
    const b = makeBot();
    await b.say("u4", "halo");
    const r = await b.say("u4", { choice: "offer:officer" });
    expect(allText(r)).toContain("Disnaker");
    expect(choiceIds(r)).toContain("report:start");
  });

  it("names verified reports about names or phones in the offer", async () => {
    const b = makeBot();
    b.bot.services.warnings = {
      verifiedReports: async (text) => (text.includes("0812") ? [{ term: "0812 3456 7890", count: 2 }] : []),
    };
    await b.say("u5", "halo");
    await b.say("u5", { choice: "menu:offer" });
    const r = await b.say("u5", `${RISKY} Hubungi 0812 3456 7890.`);
    expect(allText(r)).toContain("0812 3456 7890: 2 laporan terverifikasi");
  });

  it("a short question while waiting for the offer goes to the other flows", async () => {
    const b = makeBot();
    await b.say("u6", "halo");
    await b.say("u6", { choice: "menu:offer" });
    const r = await b.say("u6", "apa itu calo?");
    expect(r.meta.flow).not.toBe("offer");
  });
});

describe("questionnaire", () => {
  it("asks 10–15 questions, can be left and resumed, ends with a result", async () => {
    const dir = mkdtempSync(join(tmpdir(), "offer-q-"));
    let store = await openFileStore(dir);
    let b = makeBot({ store });
    await b.say("q1", "halo");
    await b.say("q1", { choice: "menu:offer" });
    const first = await b.say("q1", { choice: "offer:questionnaire" });
    expect(allText(first)).toMatch(/Pertanyaan 1\/1[0-5]/);
    const total = b.bot.services.offer.questions.length;
    expect(total).toBeGreaterThanOrEqual(10);
    expect(total).toBeLessThanOrEqual(15);
    await b.say("q1", { choice: "offer-questionnaire:yes" }); // asked to pay
    await b.say("q1", "tidak"); // typed answer
    // Leave: an unrelated question goes elsewhere, the answers stay.
    const away = await b.say("q1", "bagaimana cara membuat paspor?");
    expect(away.meta.flow).not.toBe("offer-questionnaire");
    await store.flush();
    await store.close();

    // Come back later, after a restart.
    store = await openFileStore(dir);
    b = makeBot({ store });
    const back = await b.say("q1", { choice: "offer:questionnaire" });
    expect(allText(back)).toContain(`2/${total}`);
    expect(choiceIds(back)).toEqual(["offer-questionnaire:resume", "offer-questionnaire:restart"]);
    const next = await b.say("q1", { choice: "offer-questionnaire:resume" });
    expect(allText(next)).toContain(`Pertanyaan 3/${total}`);
    let last = next;
    for (let i = 3; i <= total; i++) last = await b.say("q1", { choice: "offer-questionnaire:unsure" });
    const risk = last.meta.risk as Risk;
    expect(risk.flags.map((f) => f.id)).toEqual(["upfront-fee"]);
    expect(risk.level).toBe("medium");
    // The result's gist comes first; the rest is behind "Selengkapnya" (answers fit a phone).
    const more = choiceIds(last).find((id) => /^(more:0|offer:more:)/.test(id));
    expect(more).toBeDefined();
    expect(allText(await b.say("q1", { choice: more! }))).toContain("Yang masih perlu Anda pastikan");
    expect(b.store.collection("offer-questionnaire").get("web:q1")).toBeUndefined();
    await store.close();
  });

  it("the answers raise the flags of their rules", async () => {
    const b = makeBot();
    await b.say("q2", "halo");
    await b.say("q2", { choice: "offer:questionnaire" });
    const qs = b.bot.services.offer.questions;
    let last = await b.say("q2", { choice: "offer-questionnaire:no" });
    for (const q of qs.slice(1)) {
      last = await b.say("q2", { choice: `offer-questionnaire:${q.raiseOn}` });
    }
    const ids = (last.meta.risk as Risk).flags.map((f) => f.id);
    expect(ids).toHaveLength(qs.length - 1);
    expect((last.meta.risk as Risk).level).toBe("high");
  });

  it("'Continue later' pauses and the progress is kept", async () => {
    const b = makeBot();
    await b.say("q3", "halo");
    await b.say("q3", { choice: "offer:questionnaire" });
    await b.say("q3", { choice: "offer-questionnaire:no" });
    const paused = await b.say("q3", { choice: "offer-questionnaire:stop" });
    expect(allText(paused)).toContain("tersimpan");
    const back = await b.say("q3", { choice: "offer:questionnaire" });
    expect(choiceIds(back)).toContain("offer-questionnaire:resume");
  });
});

describe("typed answers", () => {
  it("'ya' after 'shall I check it?' checks the offer", async () => {
    const b = makeBot();
    await b.say("t1", "halo");
    await b.say("t1", RISKY);
    const r = await b.say("t1", "ya");
    expect((r.meta.risk as Risk).level).toBe("high");
  });
});

describe("questionnaire retention", () => {
  it("answers left for more than 90 days are forgotten", async () => {
    const b = makeBot();
    await b.say("q4", "halo");
    await b.say("q4", { choice: "offer:questionnaire" });
    await b.say("q4", { choice: "offer-questionnaire:yes" });
    b.clock.advance(91 * 24 * 3600 * 1000);
    const back = await b.say("q4", { choice: "offer:questionnaire" });
    expect(allText(back)).toMatch(/Pertanyaan 1\//);
  });
});
