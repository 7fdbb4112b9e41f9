import { describe, expect, it } from "vitest";
import type { HandleResult } from "../../bot/model";
import { allText, choiceIds, makeBot } from "../helpers/make-bot";

/**
 * Routing follows the person: every rule of bot/routing/route.ts as a conversation through
 * the public handle(), so these hold whatever the core looks like inside.
 */

const OFFER_DANGER =
  "Lowongan ART Hongkong, gaji HKD 5.000, potong gaji 6 bulan untuk biaya agen, paspor disimpan agen " +
  "selama kontrak biar aman. Berangkat cepat, hubungi bu Sri 0812 3456 7890";
const OFFER_FORWARDED =
  "td ada yg kirim ini di grup: 'DICARI 20 org kerja pabrik di Osaka, gaji 25jt/bln, tanpa tes bahasa, " +
  "biaya proses 35jt bisa dicicil, berangkat 2 minggu lg pakai visa kunjungan. Minat japri kak Dewi'";

type Risk = { level: string; flags: { id: string }[] };
type Recruiter = { status: string };
const riskOf = (r: HandleResult) => r.meta.risk as Risk | undefined;
const recruiterOf = (r: HandleResult) => r.meta.recruiter as Recruiter | undefined;

const isOffer = (r: HandleResult) =>
  (String(r.meta.flow).startsWith("offer") || !!r.meta.risk) && !r.meta.emergency;
const isFaq = (r: HandleResult) => !!r.meta.faq?.id && !r.meta.emergency;
const isRecruiter = (r: HandleResult) =>
  (r.meta.flow === "recruiter" || !!r.meta.recruiter) && !r.meta.emergency;

describe("after an FAQ answer the next message is routed afresh", () => {
  it("a pasted advert goes to the offer check", async () => {
    const { say } = makeBot();
    expect(isFaq(await say("a", "syarat kerja ke jepang apa aja?"))).toBe(true);
    expect(isOffer(await say("a", OFFER_FORWARDED))).toBe(true);
  });

  it("'PT … resmi gk?' goes to the recruiter check", async () => {
    const { say } = makeBot();
    expect(isFaq(await say("b", "berapa biaya kerja ke korea?"))).toBe(true);
    const r = await say("b", "PT Sampel Karya Mandiri resmi gk?");
    expect(isRecruiter(r)).toBe(true);
    expect(recruiterOf(r)?.status).toBe("licensed");
  });

  it("'mau lapor' and 'laporkan kak' start a report, not the FAQ's report topic", async () => {
    const { say } = makeBot();
    await say("c", "berapa biaya kerja ke korea?");
    const r = await say("c", "mau lapor aja deh, sponsornya udah ambil uang sy 7 jt");
    expect(r.meta.flow).toBe("report");
    expect(r.meta.faq).toBeUndefined();
    await say("d", "berapa biaya kerja ke korea?");
    expect((await say("d", "laporkan kak")).meta.flow).toBe("report");
    await say("e", "berapa biaya kerja ke korea?");
    expect((await say("e", "sy mau laporkan calo di kampung")).meta.flow).toBe("report");
  });

  it("saying one wants to report starts it, even when also asking where or how", async () => {
    const { say } = makeBot();
    for (const [chat, text] of [
      ["r1", "sy mau laporin agennya, ke mana ya?"],
      ["r2", "aku pengen ngadu soal calo yg bawa kabur duit, caranya gmn"],
      ["r3", "I want to report the agent who took my money"],
      ["r4", "we would like to file a complaint against the company"],
    ] as const) {
      await say(chat, "berapa biaya kerja ke korea?");
      expect((await say(chat, text)).meta.flow, text).toBe("report");
    }
  });

  it("asking how or where to report is a question for the FAQ", async () => {
    const { say } = makeBot();
    for (const text of [
      "kalo mau lapor calo ke mana ya?",
      "gimana cara melapor kalau ditipu agen?",
      "how to report a fake job",
    ]) {
      expect((await say("f", text)).meta.flow, text).not.toBe("report");
    }
  });

  it("a typed vote right after an answer still counts as the vote", async () => {
    const { say } = makeBot();
    await say("g", "berapa biaya kerja ke korea?");
    const r = await say("g", "ya");
    expect(r.meta.vote).toBe("up");
  });
});

describe("an active flow owns only the answers to what it just asked", () => {
  it("the offer check's yes/no is its own; a question after it is routed afresh", async () => {
    const { say } = makeBot();
    await say("h", { choice: "menu:offer" });
    const r = await say("h", "berapa biaya resmi kerja ke jepang?");
    expect(isFaq(r)).toBe(true);
  });

  it("asked for the offer's text, the pasted text is checked there", async () => {
    const { say } = makeBot();
    await say("i", { choice: "menu:offer" });
    const r = await say("i", "kerja di kebun sawit malaysia, gaji 6 juta, berangkat pakai visa turis");
    expect(r.meta.risk).toBeDefined();
  });

  it("asked for a company name, the name is looked up; afterwards a question goes to the FAQ", async () => {
    const { say } = makeBot();
    await say("j", { choice: "menu:recruiter" });
    const r = await say("j", "Sampel Karya Mandiri");
    expect(recruiterOf(r)?.status).toBe("licensed");
    expect(isFaq(await say("j", "dokumen apa saja untuk kerja ke jepang?"))).toBe(true);
  });

  it("a report being written keeps the field it asked for, even when it names a company", async () => {
    const { say } = makeBot();
    await say("k", "laporkan");
    await say("k", "saya ditipu, uang 10 juta dibawa kabur");
    const r = await say("k", "PT Sampel Karya Mandiri, pak Budi 08123456789");
    expect(r.meta.flow).toBe("report");
    expect(allText(r)).toMatch(/Di mana|kapan/i);
  });
});

describe("a report being written does not hold a person who asks something else", () => {
  it("a question while a field is asked goes to the FAQ", async () => {
    const { say } = makeBot();
    await say("q1", "laporkan");
    await say("q1", "agen saya bawa kabur uang 10 juta");
    const r = await say("q1", "berapa biaya resmi kerja ke jepang?");
    expect(isFaq(r)).toBe(true);
  });
});

describe("a pasted offer that quotes danger words", () => {
  it("is an offer to check with its red flags and a pointer to help, not an emergency", async () => {
    const { say } = makeBot();
    await say("l", "halo");
    const r = await say("l", OFFER_DANGER);
    expect(r.meta.emergency).toBeFalsy();
    expect(riskOf(r)?.flags.map((f) => f.id)).toContain("document-retention");
    expect(choiceIds(r)).toContain("menu:emergency");
  });

  it("is the writer's emergency once they say they are in it", async () => {
    const { say } = makeBot();
    const r = await say("m", `${OFFER_DANGER}\n\nitu sy sendiri, sy skrg di penampungannya gk boleh keluar`);
    expect(r.meta.emergency).toBe(true);
  });

  it("a person's own message about danger stays an emergency", async () => {
    const { say } = makeBot();
    await say("n", "berapa biaya kerja ke korea?");
    expect((await say("n", "tolong saya dikurung majikan, paspor saya ditahan")).meta.emergency).toBe(true);
  });
});

describe("greetings and politeness fused with the message change nothing", () => {
  const pairs: [string, string][] = [
    ["assalamualaikum min, PT Sampel Karya Mandiri resmi gk?", "PT Sampel Karya Mandiri resmi gk?"],
    ["permisi kak, dokumen apa aja buat kerja di jepang?", "dokumen apa aja buat kerja di jepang?"],
    ["punten, berapa biaya ke korea?", "berapa biaya ke korea?"],
    ["halo kak, laporkan", "laporkan"],
    ["pagi min, syarat kerja ke taiwan apa aja ya kak?", "syarat kerja ke taiwan apa aja ya?"],
  ];
  for (const [greeted, plain] of pairs) {
    it(greeted, async () => {
      const { say } = makeBot();
      await say("x", "menu");
      await say("y", "menu");
      const a = await say("x", greeted);
      const b = await say("y", plain);
      expect(a.meta.flow).toBe(b.meta.flow);
      expect(a.meta.faq?.id).toBe(b.meta.faq?.id);
      expect(recruiterOf(a)?.status).toBe(recruiterOf(b)?.status);
    });
  }
});

describe("conversations that switch task", () => {
  it("question → pasted offer → the company in it → danger → question", async () => {
    const { say } = makeBot();
    expect(isFaq(await say("s1", "min syarat kerja ke jepang apa aja ya"))).toBe(true);
    expect(isOffer(await say("s1", OFFER_FORWARDED))).toBe(true);
    expect(
      isRecruiter(await say("s1", "yg nawarin itu katanya dr PT Sakura Karya Nusa, itu resmi gk?")),
    ).toBe(true);
    expect((await say("s1", "tolong kakak saya disekap di penampungan, hp nya diambil")).meta.emergency).toBe(
      true,
    );
    expect(isFaq(await say("s1", "berapa biaya resmi ke jepang?"))).toBe(true);
  });

  it("question → company → report with what happened", async () => {
    const { say } = makeBot();
    expect(isFaq(await say("s2", "Assalamualaikum kak, mau nanya biaya ke korea lewat G to G brp?"))).toBe(
      true,
    );
    expect(isRecruiter(await say("s2", "oh gitu. trus cek PT Bumi Sejahtera Global ya kak"))).toBe(true);
    const r = await say("s2", "mau lapor aja deh, sponsornya udah ambil uang sy 7 jt");
    expect(r.meta.flow).toBe("report");
    // What happened was already said: the report goes on to who.
    expect(allText(r)).toMatch(/[Ss]iapa/);
  });

  it("offer check → question about it → the writer says they are there", async () => {
    const { say } = makeBot();
    expect(isOffer(await say("s3", OFFER_DANGER))).toBe(true);
    expect(isFaq(await say("s3", "kalo potong gaji gitu boleh gak sih?"))).toBe(true);
    expect(
      (await say("s3", "sebenernya sy udh di penampungannya, gk boleh keluar dan hp mau diambil")).meta
        .emergency,
    ).toBe(true);
  });

  it("recruiter check → pasted offer → report by command", async () => {
    const { say } = makeBot();
    expect(isRecruiter(await say("s4", "cek PT Sampel Bahari Abadi"))).toBe(true);
    expect(isOffer(await say("s4", OFFER_FORWARDED))).toBe(true);
    expect((await say("s4", "lapor")).meta.flow).toBe("report");
  });
});
