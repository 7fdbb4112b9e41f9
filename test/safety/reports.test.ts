import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../bot/config";
import type { AuditRecord, ReportRecord } from "../../bot/reports/types";
import { createMemoryStore } from "../../bot/store/open-store";
import { createStoreRepositories } from "../../bot/store/store-repositories";
import { createBot } from "../../bot/wiring";
import { CAPABILITIES } from "../../flows/capabilities";
import { allText, choiceIds, fixedClock, makeBot, type TestBot } from "../helpers/make-bot";
import { fakeSender } from "./fake-sender";

const OFFICER = "700001";

/** Walks a person through the report flow and returns the confirmation. */
async function fileReport(
  b: TestBot,
  chat: string,
  opts: { who?: string; anonymous?: boolean; channel?: "web" | "telegram" } = {},
) {
  const ch = opts.channel ?? "web";
  await b.say(chat, "laporkan", ch);
  await b.say(chat, "Sponsor minta uang 15 juta untuk berangkat ke Taiwan, lalu hilang.", ch);
  if (opts.who) await b.say(chat, opts.who, ch);
  else await b.say(chat, { choice: "report:skip" }, ch);
  await b.say(chat, "Lubuk Linggau, Oktober 2026", ch);
  await b.say(chat, { choice: opts.anonymous ? "report:anonymous" : "report:via-chat" }, ch);
  return b.say(chat, { choice: "report:send" }, ch);
}

function refOf(r: { meta: Record<string, unknown> }): string {
  return (r.meta.report as { ref: string }).ref;
}

/** The secret shown once in the confirmation. */
function secretOf(r: { replies: { text: string }[] }): string {
  const m = /(?:Kode rahasia|Secret code)(?: baru)?: \*([2-9A-Z]{4}-[2-9A-Z]{4})\*/.exec(allText(r as never));
  if (!m?.[1]) throw new Error("no secret in the confirmation");
  return m[1];
}

describe("report flow", () => {
  it("asks what, who, where/when and contact, then confirms with a reference", async () => {
    const b = makeBot();
    const steps: string[] = [];
    steps.push(allText(await b.say("p", "laporkan")));
    steps.push(allText(await b.say("p", "Agen menipu saya, uang 10 juta dibawa kabur")));
    steps.push(allText(await b.say("p", "Bu Ani, PT Sinar Jaya Abadi, 0813 1111 2222, @loker.taiwan")));
    steps.push(allText(await b.say("p", "Palembang, 3 Oktober 2026")));
    const summary = await b.say("p", { choice: "report:via-chat" });
    expect(steps[0]).toMatch(/Ceritakan apa yang terjadi/);
    expect(steps[1]).toMatch(/nama perekrut.*perusahaan.*nomor HP.*media sosial/s);
    expect(steps[2]).toMatch(/Di mana dan kapan/);
    expect(steps[3]).toMatch(/tanpa nama/);
    expect(allText(summary)).toContain("PT Sinar Jaya Abadi");
    expect(allText(summary)).toContain("+6281311112222");
    expect(allText(summary)).toContain("@loker.taiwan");
    const done = await b.say("p", "Kirim laporan");
    const ref = refOf(done);
    expect(ref).toMatch(/^MA-[2-9A-HJKMNP-Z]{8}$/);
    expect(allText(done)).toContain(ref);
    const stored = b.store.collection<ReportRecord>("reports").get(ref);
    expect(stored).toMatchObject({
      status: "baru",
      verified: false,
      anonymous: false,
      reporterKey: "web:p",
      whereWhen: "Palembang, 3 Oktober 2026",
      who: { companies: ["PT Sinar Jaya Abadi"], phones: ["6281311112222"], accounts: ["loker.taiwan"] },
    });
    expect(b.store.getSession("web:p")?.flow).toBeUndefined();
  });

  it("an anonymous report keeps no chat id and no contact", async () => {
    const b = makeBot();
    const ref = refOf(await fileReport(b, "q7w3x", { anonymous: true }));
    const stored = b.store.collection<ReportRecord>("reports").get(ref);
    expect(stored?.anonymous).toBe(true);
    expect(stored?.reporterKey).toBeUndefined();
    expect(JSON.stringify(stored)).not.toContain("q7w3x");
  });

  it("cancel stores nothing", async () => {
    const b = makeBot();
    await b.say("c", "laporkan");
    await b.say("c", "sesuatu terjadi di penampungan");
    const r = await b.say("c", { choice: "report:cancel" });
    expect(allText(r)).toMatch(/dibatalkan/);
    expect(b.store.collection("reports").size()).toBe(0);
  });

  it("status and replies reach the reporter's own chat, typed in any case and spacing", async () => {
    const b = makeBot();
    const ref = refOf(await fileReport(b, "s1"));
    for (const typed of [ref, ref.toLowerCase(), ref.replace("-", " "), `status ${ref.replace("-", "")}`]) {
      const r = await b.say("s1", typed);
      expect(r.meta.report).toMatchObject({ ref, found: true, status: "baru" });
      expect(allText(r)).toMatch(/Baru/);
    }
    await b.bot.services.reports.setStatus(ref, "diproses", "test");
    await b.bot.services.reports.reply(ref, "Kami sudah menghubungi Disnaker.", "test");
    const r = await b.say("s1", { choice: `report:status:${ref}` });
    expect(allText(r)).toMatch(/Diproses/);
    expect(allText(r)).toContain("Kami sudah menghubungi Disnaker.");
  });

  it("another chat with only the reference gets nothing; with the secret shown once it gets the status", async () => {
    const b = makeBot();
    const done = await fileReport(b, "owner");
    const ref = refOf(done);
    const secret = secretOf(done);
    expect(secret).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    // Only a hash of the secret is stored.
    expect(JSON.stringify(b.store.collection("reports").all())).not.toContain(secret);
    await b.bot.services.reports.reply(ref, "Balasan rahasia petugas.", "test");
    for (const attempt of [ref, { choice: `report:status:${ref}` }, `${ref} 2222-2222`]) {
      const r = await b.say("stranger", attempt);
      expect(r.meta.report).toMatchObject({ found: false });
      expect(allText(r)).not.toContain("Balasan rahasia petugas.");
      expect(allText(r)).not.toMatch(/Baru|Diproses/);
    }
    // Not found and wrong secret read the same, so a stranger cannot tell which references exist.
    const missing = await b.say("stranger-2", "MA-ZZZZZZZZ 2222-2222");
    expect(allText(missing)).toBe(
      allText(await b.say("stranger-3", `${ref} 2222-2222`)).replace(ref, "MA-ZZZZZZZZ"),
    );
    for (const typed of [
      `${ref} ${secret}`,
      `${ref.toLowerCase()} kode ${secret.replace("-", " ").toLowerCase()}`,
    ]) {
      const ok = await b.say("family-phone", typed);
      expect(ok.meta.report).toMatchObject({ ref, found: true });
      expect(allText(ok)).toContain("Balasan rahasia petugas.");
    }
  });

  it("an anonymous report needs its secret even in the chat it came from", async () => {
    const b = makeBot();
    const done = await fileReport(b, "anon", { anonymous: true });
    const ref = refOf(done);
    expect(allText(done)).toMatch(/tidak terhubung ke chat ini/);
    expect((await b.say("anon", ref)).meta.report).toMatchObject({ found: false });
    expect((await b.say("anon", `${ref} ${secretOf(done)}`)).meta.report).toMatchObject({ found: true });
  });

  it("repeated wrong lookups from one chat are slowed, also for a right guess", async () => {
    const b = makeBot();
    const done = await fileReport(b, "victim");
    const ref = refOf(done);
    for (let i = 0; i < 5; i++) {
      const r = await b.say("guesser", `MA-${"23456789ABCDEFGH".slice(i, i + 8)}`);
      expect(r.meta.report).toMatchObject({ found: false });
    }
    const slowed = await b.say("guesser", `${ref} ${secretOf(done)}`);
    expect(slowed.meta.report).toMatchObject({ found: false, slowed: true });
    expect(allText(slowed)).toMatch(/Terlalu banyak percobaan/);
    // The reporter's own chat is never slowed by someone else's guesses.
    expect((await b.say("victim", ref)).meta.report).toMatchObject({ found: true });
    // After the pause the right secret works again.
    b.clock.advance(16 * 60_000);
    expect((await b.say("guesser", `${ref} ${secretOf(done)}`)).meta.report).toMatchObject({ found: true });
  });

  it("old five-character references in stored data are still read", async () => {
    const b = makeBot();
    const ref = refOf(await fileReport(b, "old"));
    const reports = b.store.collection<ReportRecord>("reports");
    const stored = reports.get(ref) as ReportRecord;
    reports.put({ ...stored, id: "MA-7KL39", secretHash: undefined });
    const r = await b.say("old", "ma-7kl39");
    expect(r.meta.report).toMatchObject({ ref: "MA-7KL39", found: true });
    expect((await b.say("other", "MA-7KL39")).meta.report).toMatchObject({ found: false });
  });

  it("the confirmation says who reads reports, that it is not a police report, and how to complain officially", async () => {
    const b = makeBot({ env: { OFFICE_NAME: "Disnaker Kota Lubuklinggau" } });
    const text = allText(await fileReport(b, "c1"));
    expect(text).toContain("petugas Disnaker Kota Lubuklinggau");
    expect(text).toMatch(/bukan laporan polisi/);
    expect(text).toMatch(/0800-1000.*Disnaker.*BP3MI/s);
    expect(text).toMatch(/Di Indonesia telepon polisi \*110\*/);
    const plain = allText(await fileReport(makeBot(), "c2"));
    expect(plain).toContain("kantor yang menjalankan layanan ini");
  });

  it("'Kirim laporan' pressed again for the same draft (after a crash) files no duplicate", async () => {
    const b = makeBot();
    await b.say("d", "laporkan");
    await b.say("d", "Sponsor minta uang 15 juta untuk berangkat ke Taiwan, lalu hilang.");
    await b.say("d", { choice: "report:skip" });
    await b.say("d", "Lubuk Linggau, Oktober 2026");
    await b.say("d", { choice: "report:via-chat" });
    const session = b.store.getSession("web:d");
    const first = await b.say("d", { choice: "report:send" });
    // The crash: the session write after the confirmation never reached the disk.
    if (session) b.store.putSession("web:d", session);
    const again = await b.say("d", { choice: "report:send" });
    expect(refOf(again)).toBe(refOf(first));
    expect(again.meta.report).toMatchObject({ repeated: true });
    expect(b.store.collection("reports").size()).toBe(1);
    expect(await b.bot.services.reports.pendingNotices()).toHaveLength(1);
    // The new secret works, the old one no longer does.
    expect((await b.say("x1", `${refOf(first)} ${secretOf(again)}`)).meta.report).toMatchObject({
      found: true,
    });
    expect((await b.say("x2", `${refOf(first)} ${secretOf(first)}`)).meta.report).toMatchObject({
      found: false,
    });
    // A new draft is a new report.
    await fileReport(b, "d");
    expect(b.store.collection("reports").size()).toBe(2);
  });

  it("'cek laporan' asks for the reference", async () => {
    const b = makeBot();
    const ref = refOf(await fileReport(b, "s2"));
    expect(allText(await b.say("s2", "cek laporan"))).toMatch(/nomor laporan/);
    expect((await b.say("s2", ref.toLowerCase())).meta.report).toMatchObject({ ref, found: true });
  });

  it("other flows start it with the report:start choice", async () => {
    const b = makeBot();
    await b.say("o", "menu");
    const r = await b.say("o", { choice: "report:start" });
    expect(r.meta.flow).toBe("report");
    expect(choiceIds(r)).toContain("report:cancel");
  });
});

describe("officer notification", () => {
  it("reaches every configured officer through the channel's sender at once", async () => {
    const b = makeBot({
      env: { OFFICER_TELEGRAM_IDS: `${OFFICER},700002`, OFFICER_WHATSAPP_IDS: "628111@c.us" },
    });
    const tg = fakeSender("telegram");
    const wa = fakeSender("whatsapp");
    b.bot.services.senders.set("telegram", tg.sender);
    b.bot.services.senders.set("whatsapp", wa.sender);
    const done = await fileReport(b, "n1", { who: "PT Contoh Palsu, 0812-9999-0000" });
    const ref = refOf(done);
    await b.bot.services.repos.flush();
    await b.bot.services.dispatcher.idle();
    expect(tg.sent.map((s) => s.chatId).sort()).toEqual([OFFICER, "700002"]);
    expect(wa.sent.map((s) => s.chatId)).toEqual(["628111@c.us"]);
    expect(tg.sent[0]?.message.text).toContain(ref);
    expect(tg.sent[0]?.message.text).toContain("PT Contoh Palsu");
    const notice = b.store
      .collection<{ id: string; deliveries: { ok: boolean }[] }>("report-notices")
      .get(ref);
    expect(notice?.deliveries.filter((d) => d.ok)).toHaveLength(3);
  });

  it("on the web-only default, logs the notice without text or phone and lists it", async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const store = createMemoryStore();
    const clock = fixedClock();
    const bot = createBot({
      capabilities: CAPABILITIES,
      config: loadConfig({ RATE_LIMIT_PER_MINUTE: "1000" }),
      repos: createStoreRepositories(store),
      log: pino({ level: "trace" }, stream),
      clock,
    });
    const say = (x: { text?: string; choice?: string }) =>
      bot.core.handle({ channel: "web", chatId: "w1", at: clock(), ...x });
    await say({ text: "lapor" });
    await say({ text: "Calo bernama Pak Joko minta 20 juta" });
    await say({ text: "Pak Joko 0812-7777-6666" });
    await say({ choice: "report:skip" });
    await say({ choice: "report:anonymous" });
    const done = await say({ choice: "report:send" });
    const ref = (done.meta.report as { ref: string }).ref;
    await new Promise((r) => setTimeout(r, 10));
    const log = lines.join("");
    expect(log).toContain("report notice listed");
    expect(log).toContain(ref);
    expect(log).not.toMatch(/Joko|0812|7777|6666|20 juta/);
    expect((await bot.services.reports.pendingNotices()).map((n) => n.id)).toEqual([ref]);
  });
});

describe("officer commands on Telegram", () => {
  function officerBot() {
    const b = makeBot({ env: { OFFICER_TELEGRAM_IDS: OFFICER } });
    const tg = fakeSender("telegram");
    b.bot.services.senders.set("telegram", tg.sender);
    const officer = (text: string) => b.say(OFFICER, text, "telegram");
    return { b, tg, officer };
  }

  it("list, filter, show, set status, note, verify and reply; every change audited", async () => {
    const { b, tg, officer } = officerBot();
    const r1 = refOf(
      await fileReport(b, "800001", { who: "PT Maju Mundur, 0812-3333-4444", channel: "telegram" }),
    );
    const r2 = refOf(await fileReport(b, "w2", { who: "calo @agen.cepat, +62 812 3333 4444" }));
    const r3 = refOf(await fileReport(b, "w3", { who: "PT Lain Sekali" }));

    const list = await officer("/laporan");
    expect(allText(list)).toContain(r1);
    expect(allText(list)).toContain(r2);
    expect(allText(list)).toMatch(/pemberitahuan belum ditangani: 3/);
    expect(allText(await officer("/laporan PT Maju Mundur"))).not.toContain(r3);
    expect(allText(await officer("/laporan grup"))).toMatch(new RegExp(`${[r1, r2].sort().join(", ")}`));

    const shown = await officer(`/lihat ${r1}`);
    expect(allText(shown)).toContain("PT Maju Mundur");
    expect(allText(shown)).toContain(r2); // related: same phone, other spelling

    expect(allText(await officer(`/status ${r1} diproses`))).toMatch(/diproses/);
    expect(allText(await officer(`/status ${r1} entah`))).toMatch(/baru, diproses, dirujuk, selesai/);
    expect(allText(await officer(`/catatan ${r1} sudah telepon BP3MI`))).toMatch(/Catatan/);
    expect(allText(await officer("/laporan diproses"))).toContain(r1);

    // A reply quoting danger words still goes to the officer flow, and reaches the reporter.
    const reply = await officer(`/balas ${r1} Kami sudah lapor polisi. Apakah Anda masih disekap?`);
    expect(reply.meta.delivered).toBe(true);
    const toReporter = tg.sent.find((s) => s.chatId === "800001");
    expect(toReporter?.message.text).toContain("Apakah Anda masih disekap?");
    expect(toReporter?.message.text).toContain(r1);

    // The web reporter has no sender: the reply is kept for the status lookup.
    const webReply = await officer(`/balas ${r2} Terima kasih atas laporannya.`);
    expect(webReply.meta.delivered).toBe(false);
    expect(allText(await b.say("w2", r2))).toContain("Terima kasih atas laporannya.");

    expect(await b.bot.services.warnings?.verifiedReports("PT Maju Mundur")).toEqual([]);
    await officer(`/verifikasi ${r1}`);
    expect(await b.bot.services.warnings?.verifiedReports("PT Maju Mundur")).toEqual([
      { term: "PT Maju Mundur", count: 1 },
    ]);
    expect(await b.bot.services.warnings?.verifiedReports("hubungi 081233334444 segera")).toEqual([
      { term: "6281233334444", count: 1 },
    ]);
    expect(await b.bot.services.warnings?.verifiedReports("PT Lain Sekali")).toEqual([]);

    const audit = b.store.collection<AuditRecord>("audit").all();
    expect(audit.map((a) => a.action).sort()).toEqual(["note", "reply", "reply", "status", "verify"]);
    expect(audit.every((a) => a.actor === `telegram:${OFFICER}`)).toBe(true);
    expect(allText(await officer("/laporan"))).toMatch(/pemberitahuan belum ditangani: 1/);
  });

  it("are refused to people who are not officers", async () => {
    const { b } = officerBot();
    const ref = refOf(await fileReport(b, "x1"));
    const r = await b.say("999", `/status ${ref} selesai`, "telegram");
    expect(r.meta.command).toBeUndefined();
    expect(b.store.collection<ReportRecord>("reports").get(ref)?.status).toBe("baru");
    expect(b.store.collection("audit").size()).toBe(0);
    const list = await b.say("999", "/laporan", "telegram");
    expect(allText(list)).not.toContain(ref);
  });
});

describe("public warnings", () => {
  it("count only verified reports, per company, phone or account", async () => {
    const b = makeBot();
    const svc = b.bot.services.reports;
    const refs: string[] = [];
    for (const who of ["PT Kilat Jaya, 0812 5555 6666", "pt. kilat jaya", "PT KILAT JAYA dan @kilat.loker"]) {
      refs.push(refOf(await fileReport(b, `v${refs.length}`, { who })));
    }
    expect(await b.bot.services.warnings?.verifiedReports("PT Kilat Jaya")).toEqual([]);
    for (const ref of refs.slice(0, 2)) await svc.setVerified(ref, true, "test");
    expect(await b.bot.services.warnings?.verifiedReports("PT Kilat Jaya")).toEqual([
      { term: "PT Kilat Jaya", count: 2 },
    ]);
    expect(await b.bot.services.warnings?.verifiedReports("kilat jaya")).toEqual([
      { term: "PT Kilat Jaya", count: 2 },
    ]);
    expect(await b.bot.services.warnings?.verifiedReports("PT Kilat Jaya Sentosa Abadi")).toEqual([]);
    expect(await b.bot.services.warnings?.verifiedReports("@kilat.loker")).toEqual([]);
    await svc.setVerified(refs[2] as string, true, "test");
    expect(await b.bot.services.warnings?.verifiedReports("akun @kilat.loker")).toEqual([
      { term: "@kilat.loker", count: 1 },
    ]);
    expect(await svc.groups()).toEqual([
      { keys: ["ac:kilat.loker", "co:kilat jaya", "ph:6281255556666"], reports: [...refs].sort() },
    ]);
  });
});

describe("one person at a time", () => {
  it("two 'Kirim' sent at once from one chat file one report, not two", async () => {
    const b = makeBot();
    await b.say("twice", "laporkan");
    await b.say("twice", "Sponsor minta uang 15 juta untuk berangkat ke Taiwan, lalu hilang.");
    await b.say("twice", { choice: "report:skip" });
    await b.say("twice", "Lubuk Linggau, Oktober 2026");
    await b.say("twice", { choice: "report:via-chat" });
    const [first, second] = await Promise.all([
      b.say("twice", { choice: "report:send" }),
      b.say("twice", { choice: "report:send" }),
    ]);
    const created = [first, second].filter((r) => (r.meta.report as { created?: boolean })?.created);
    expect(created).toHaveLength(1);
    expect(b.store.collection<ReportRecord>("reports").size()).toBe(1);
    // The second was handled after the first: it no longer finds a report to send.
    expect(second.meta.report).toBeUndefined();
  });
});
