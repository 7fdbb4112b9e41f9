import { describe, expect, it } from "vitest";
import type { HandleResult } from "../../bot/model";
import { allText, makeBot } from "../helpers/make-bot";

/**
 * Where a message goes when it names a training centre, shares a location, is written in a
 * regional language or asks about money, from any state. Transcripts through handle().
 */

type Recruiter = { status: string };
const recruiterOf = (r: HandleResult) => r.meta.recruiter as Recruiter | undefined;
const isFaq = (r: HandleResult) => !!r.meta.faq?.id && !r.meta.emergency;

describe("an LPK with a legality question goes to the recruiter check, and is never licensed", () => {
  for (const text of [
    "LPK Sakura Mandiri terdaftar?",
    "LPK Bina Karya resmi gk",
    "lpk nihongo center itu ada izinnya ga ya",
    "min, LPK Hikari Jaya Semarang legal nggak?",
    "is LPK Fuji Bandung registered?",
    "LPK Sampel Karya Mandiri resmi?",
  ]) {
    it(text, async () => {
      const { say } = makeBot();
      await say("l", "syarat kerja ke jepang apa aja?");
      const r = await say("l", text);
      expect(r.meta.flow).toBe("recruiter");
      expect(recruiterOf(r)?.status).not.toBe("licensed");
      expect(allText(r)).toMatch(/LPK/);
      expect(allText(r)).toMatch(/bukan perusahaan penempatan|not a placement company/);
      expect((r.meta.recruiter as { advice: string }).advice).toMatch(/Pasal 49|Article 49/);
    });
  }

  it("a question about LPKs in general, or where to find one, is not a company check", async () => {
    const { say } = makeBot();
    for (const text of ["lpk yang bagus buat persiapan kerja", "apa itu lpk", "cari LPK resmi di semarang"]) {
      expect((await say("g", text)).meta.flow, text).not.toBe("recruiter");
    }
  });
});

describe("a location shared during another flow goes to the places flow", () => {
  it("during the FAQ, the offer check and an emergency", async () => {
    const { bot, say, clock } = makeBot();
    const share = (chat: string) => {
      clock.advance(1000);
      return bot.core.handle({
        channel: "web",
        chatId: chat,
        at: clock(),
        location: { lat: -3.2945, lon: 102.8614 },
      });
    };
    await say("p1", "berapa biaya kerja ke korea?");
    expect((await share("p1")).meta.flow).toBe("offices");
    await say("p2", { choice: "menu:offer" });
    expect((await share("p2")).meta.flow).toBe("offices");
    await say("p3", "tolong saya dikurung majikan");
    expect((await share("p3")).meta.flow).toBe("offices");
  });
});

describe("questions in regional and informal Indonesian reach the FAQ", () => {
  for (const [text, topics] of [
    ["piye carane daftar kerjo neng taiwan sing resmi?", undefined],
    ["cak mano caro bikin paspor untuk kerjo di luar negeri?", ["passport"]],
    ["apo bae syarat nak begawe di jepang?", undefined],
    ["kumaha carana daftar gawe ka jepang?", undefined],
    ["gimane caranye kerja ke malaysia yg resmi?", undefined],
    ["opo syarate dadi TKI neng korea?", undefined],
  ] as const) {
    it(text, async () => {
      const { say } = makeBot();
      const r = await say("x", text);
      expect(isFaq(r)).toBe(true);
      if (topics) expect(topics).toContain(r.meta.faq?.id);
    });
  }
});

describe("a money question gets a topic whose answer speaks of money", () => {
  for (const text of [
    "Assalamualaikum kak, mau nanya biaya ke korea lewat G to G brp?",
    "biayane kerjo neng hongkong piro?",
    "how much does it cost to work in korea through the EPS?",
  ]) {
    it(text, async () => {
      const { bot, say } = makeBot();
      const r = await say("m", text);
      expect(isFaq(r)).toBe(true);
      const entry = bot.services.faq.entry(r.meta.faq?.id ?? "");
      expect(`${entry?.id.answer} ${entry?.en.answer}`).toMatch(/biaya|bayar|cost|fee|pay/i);
    });
  }
});

describe("a common word is not a report reference", () => {
  it("'ada masalah' is a question, not MA-SALAH", async () => {
    const { say } = makeBot();
    const r = await say("r", "kalo nanti ada masalah di sana, harus gimana?");
    expect(r.meta.flow).not.toBe("report");
  });
});

describe("a conversation that switches task five times", () => {
  it("dialect question → forwarded offer → LPK in it → relative in danger → question", async () => {
    const { say } = makeBot();
    expect(isFaq(await say("s", "piye carane daftar kerjo neng jepang sing resmi?"))).toBe(true);
    const offer = await say(
      "s",
      "ada yg kirim ini: 'LPK Hikari Jaya buka magang Jepang, gaji 30jt/bln, biaya 45jt lunas sebelum berangkat, " +
        "tanpa tes bahasa, berangkat bulan depan pakai visa turis. Minat WA 0812 3456 7890'",
    );
    expect(String(offer.meta.flow).startsWith("offer") || !!offer.meta.risk).toBe(true);
    expect(offer.meta.emergency).toBeFalsy();
    const lpk = await say("s", "LPK Hikari Jaya itu terdaftar gk?");
    expect(lpk.meta.flow).toBe("recruiter");
    const danger = await say("s", "my cousin is there now, they took her passport and she is forced to work");
    expect(danger.meta.emergency).toBe(true);
    expect(isFaq(await say("s", "syarat kerja ke jepang apa aja?"))).toBe(true);
  });
});
