import { describe, expect, it } from "vitest";
import type { HandleResult } from "../../bot/model";
import { allText, makeBot } from "../helpers/make-bot";

/**
 * Danger words are not always danger now: a hypothetical from someone planning, a news
 * story about strangers, a story that is over. Those get their normal answer and one line
 * on how to get help; a relative abroad in trouble now, or a threat in a conditional, is
 * an emergency. Several voices per class, through the public handle().
 */

const emergency = (r: HandleResult) => r.meta.emergency === true;
const HELP_LINE = /ketik \*darurat\*|type \*emergency\*/;

describe("a hypothetical is answered, not raised as an emergency", () => {
  for (const text of [
    "kalau misal nanti paspor ditahan majikan, aku kudu piye?",
    "what if my employer takes my passport one day, what should I do?",
    "if one day I am locked in by my boss, who can I call?",
    "kalo nanti ada masalah di sana misalnya disekap, harus gimana?",
    "seandainya nanti di sana gaji ga dibayar, harus lapor ke mana?",
  ]) {
    it(text, async () => {
      const { say } = makeBot();
      const r = await say("h", text);
      expect(emergency(r)).toBe(false);
      expect(r.meta.flow).not.toBe("report");
      expect(allText(r)).toMatch(HELP_LINE);
    });
  }
});

it("a question about a right, with danger words, gets its answer", async () => {
  const { say } = makeBot();
  const r = await say("q", "misal majikan nahan paspor, itu boleh gak sih?");
  expect(emergency(r)).toBe(false);
  expect(r.meta.faq?.id).toBeTruthy();
});

describe("a news story, a video or a finished story is not an emergency", () => {
  for (const text of [
    "td baco berito ado TKW disekap di malaysia, ngeri nian",
    "barusan nonton berita ada WNI disekap di kamboja, serem banget",
    "I read a news article about Indonesians trafficked to Myanmar, so sad",
    "di tiktok viral video TKW dipukuli majikan, kasian",
    "dulu aku pernah disekap agen di batam, tapi sekarang udah aman di rumah",
  ]) {
    it(text, async () => {
      const { say } = makeBot();
      await say("n", "syarat kerja ke jepang apa aja?");
      const r = await say("n", text);
      expect(emergency(r)).toBe(false);
      expect(allText(r)).toMatch(HELP_LINE);
    });
  }
});

describe("danger now stays an emergency, in a conditional, a story or about a relative", () => {
  for (const text of [
    "she is there now, they took her phone and she is forced to scam people",
    "my sister is in Cambodia now, they took her passport and she can't leave",
    "she is there now and they won't let her go home",
    "my brother says they beat him every day at the boat",
    "adik saya di malaysia hpnya diambil majikan, ga bisa dihubungi",
    "kalau saya kabur, majikan ngancam bunuh saya",
    "what if they kill me? they are threatening me now",
    "sy baca berita, ternyata itu penampungan tempat adik saya disekap",
    "dulu disekap, sekarang aku udah aman tapi adikku masih di sana dipukuli",
    "tolong, kalau nanti sy kabur pasti dipukul lagi",
  ]) {
    it(text, async () => {
      const { say } = makeBot();
      await say("d", "my cousin got a job offer in Phnom Penh, is that safe?");
      expect(emergency(await say("d", text))).toBe(true);
    });
  }
});
