import { describe, expect, it } from "vitest";
import type { ReportRecord } from "../../bot/reports/types";
import type { UserRecord } from "../../bot/store/types";
import { IMPLEMENTATIONS } from "./implementations";

const T0 = new Date("2026-12-01T10:00:00Z");
const day = (n: number) => new Date(T0.getTime() + n * 86_400_000);

function person(key: string, over: Partial<UserRecord> = {}): UserRecord {
  const at = over.lastSeenAt ?? T0.toISOString();
  const [channel, chatId] = key.split(":") as [UserRecord["channel"], string];
  return { key, channel, chatId, profile: {}, consent: {}, createdAt: at, lastSeenAt: at, ...over };
}

function subscriber(
  key: string,
  region: { code?: string; name: string },
  lang: "id" | "en" = "id",
): UserRecord {
  const since = T0.toISOString();
  return person(key, {
    consent: { subscriptions: since },
    subscription: { region, destinations: ["japan"], sectors: ["care"], lang, since },
  });
}

function report(id: string, over: Partial<ReportRecord> = {}): ReportRecord {
  return {
    id,
    status: "baru",
    verified: false,
    createdAt: T0.toISOString(),
    updatedAt: T0.toISOString(),
    what: "minta uang",
    who: { text: "PT Maju", companies: ["PT Maju"], phones: [], accounts: [] },
    anonymous: false,
    reporterKey: "web:r1",
    channel: "web",
    lang: "id",
    notes: [],
    replies: [],
    ...over,
  };
}

for (const impl of IMPLEMENTATIONS) {
  describe(`repository contract: ${impl.name}`, () => {
    it("people: a unit of work loads and saves a person with their session", async () => {
      const r = await impl.open();
      expect(await r.people.load("web:a")).toEqual({ user: undefined, session: undefined });
      await r.people.save(person("web:a"), { flow: "faq", state: { n: 1 }, updatedAt: T0.toISOString() });
      const loaded = await r.people.load("web:a");
      expect(loaded.user?.key).toBe("web:a");
      expect(loaded.session).toMatchObject({ flow: "faq", state: { n: 1 } });
      await r.people.save(person("web:a"));
      expect(await r.people.session("web:a")).toBeUndefined();
      expect(await r.people.count()).toBe(1);
      expect(await r.people.delete("web:a")).toBe(true);
      expect(await r.people.get("web:a")).toBeUndefined();
      expect(await r.people.count()).toBe(0);
    });

    it("people: matching(audience) finds active consented subscribers only", async () => {
      const r = await impl.open();
      await r.people.put(subscriber("web:llg", { code: "16.73", name: "Kota Lubuk Linggau" }));
      await r.people.put(
        subscriber("telegram:kec", { code: "16.73.01", name: "Lubuk Linggau Barat I" }, "en"),
      );
      await r.people.put({ ...subscriber("web:blocked", { code: "16.73", name: "x" }), active: false });
      await r.people.put(person("web:nosub"));
      const keys = async (a: Parameters<typeof r.people.matching>[0]) =>
        (await r.people.matching(a)).map((u) => u.key).sort();
      expect(await keys({})).toEqual(["telegram:kec", "web:llg"]);
      expect(await keys({ region: "16.73" })).toEqual(["telegram:kec", "web:llg"]);
      expect(await keys({ region: "16.73.01" })).toEqual(["telegram:kec"]);
      expect(await keys({ channel: "web" })).toEqual(["web:llg"]);
      expect(await keys({ language: "en", destination: "japan", sector: "care" })).toEqual(["telegram:kec"]);
      expect(await keys({ destination: "germany" })).toEqual([]);
      expect((await r.people.subscribers()).length).toBe(3);
    });

    it("people: expiredBefore and idleSessionsBefore (retention)", async () => {
      const r = await impl.open();
      const old = day(-100).toISOString();
      await r.people.put(person("web:old", { lastSeenAt: old }));
      await r.people.put(person("web:older", { lastSeenAt: day(-200).toISOString() }));
      await r.people.save({ ...subscriber("web:sub", { name: "x" }), lastSeenAt: old }, { updatedAt: old });
      await r.people.save(person("web:new"), { updatedAt: T0.toISOString() });
      expect(await r.people.expiredBefore(day(-90))).toEqual([
        { key: "web:older", lastSeenAt: day(-200).toISOString() },
        { key: "web:old", lastSeenAt: old },
      ]);
      expect(await r.people.idleSessionsBefore(day(-90))).toEqual(["web:sub"]);
    });

    it("reports: by reference, by draft, listed newest first, naming a subject, unlinked", async () => {
      const r = await impl.open();
      await r.reports.put(report("MA-AAAAAAAA", { draft: "d1" }));
      await r.reports.put(
        report("MA-BBBBBBBB", { createdAt: day(1).toISOString(), verified: true, status: "diproses" }),
      );
      await r.reports.put(
        report("MA-CCCCCCCC", {
          createdAt: day(2).toISOString(),
          who: { companies: [], phones: ["6281234567890"], accounts: [] },
          reporterKey: "web:r2",
        }),
      );
      expect((await r.reports.byReference("MA-AAAAAAAA"))?.draft).toBe("d1");
      expect(await r.reports.create(report("MA-AAAAAAAA", { what: "other" }))).toBe(false);
      expect((await r.reports.byReference("MA-AAAAAAAA"))?.what).toBe("minta uang");
      const other = { createdAt: day(0.5).toISOString(), status: "dirujuk" as const, reporterKey: "web:r9" };
      const noOne = { companies: [], phones: [], accounts: [] };
      expect(await r.reports.create(report("MA-DDDDDDDD", { ...other, who: noOne }))).toBe(true);
      expect((await r.reports.byDraft("d1"))?.id).toBe("MA-AAAAAAAA");
      expect(await r.reports.byDraft("nope")).toBeUndefined();
      expect((await r.reports.list()).map((x) => x.id)).toEqual([
        "MA-CCCCCCCC",
        "MA-BBBBBBBB",
        "MA-DDDDDDDD",
        "MA-AAAAAAAA",
      ]);
      expect((await r.reports.list({ verified: true })).map((x) => x.id)).toEqual(["MA-BBBBBBBB"]);
      expect((await r.reports.list({ status: "baru" })).map((x) => x.id)).toEqual([
        "MA-CCCCCCCC",
        "MA-AAAAAAAA",
      ]);
      expect((await r.reports.naming(["ph:6281234567890"])).map((x) => x.id)).toEqual(["MA-CCCCCCCC"]);
      expect((await r.reports.naming(["co:maju"])).map((x) => x.id).sort()).toEqual([
        "MA-AAAAAAAA",
        "MA-BBBBBBBB",
      ]);
      expect(await r.reports.naming([])).toEqual([]);
      expect((await r.reports.linkedTo("web:r1")).length).toBe(2);
      expect(await r.reports.unlink("web:r1")).toBe(2);
      expect(await r.reports.linkedTo("web:r1")).toEqual([]);
      expect((await r.reports.byReference("MA-AAAAAAAA"))?.reporterKey).toBeUndefined();
    });

    it("reports: closed reports lose their link after retention; notices listed until handled", async () => {
      const r = await impl.open();
      await r.reports.put(
        report("MA-OLD11111", { status: "selesai", updatedAt: day(-100).toISOString(), contact: "0812" }),
      );
      await r.reports.put(report("MA-OPEN1111", { updatedAt: day(-100).toISOString() }));
      expect(await r.reports.unlinkClosedBefore(day(-90))).toBe(1);
      expect(await r.reports.unlinkClosedBefore(day(-90))).toBe(0);
      expect((await r.reports.byReference("MA-OLD11111"))?.contact).toBeUndefined();
      expect((await r.reports.byReference("MA-OPEN1111"))?.reporterKey).toBe("web:r1");

      await r.reports.putNotice({ id: "MA-OLD11111", createdAt: day(-100).toISOString(), deliveries: [] });
      await r.reports.putNotice({ id: "MA-OPEN1111", createdAt: day(-99).toISOString(), deliveries: [] });
      expect((await r.reports.pendingNotices()).map((n) => n.id)).toEqual(["MA-OLD11111", "MA-OPEN1111"]);
      const n = await r.reports.notice("MA-OLD11111");
      await r.reports.putNotice({ ...n!, handledAt: T0.toISOString() });
      expect((await r.reports.pendingNotices()).map((x) => x.id)).toEqual(["MA-OPEN1111"]);
      expect(await r.reports.pruneHandledNotices(day(-90))).toBe(1);
      expect(await r.reports.notice("MA-OLD11111")).toBeUndefined();
    });

    it("audit: report changes get unique ids; officer actions in order", async () => {
      const r = await impl.open();
      const at = T0.toISOString();
      const a = await r.audit.report({
        at,
        actor: "telegram:1",
        action: "status",
        report: "MA-X",
        to: "diproses",
      });
      const b = await r.audit.report({ at, actor: "telegram:1", action: "note", report: "MA-X" });
      await r.audit.report({ at, actor: "cli", action: "note", report: "MA-Y" });
      expect(a.id).not.toBe(b.id);
      expect((await r.audit.reportEntries("MA-X")).map((e) => e.action).sort()).toEqual(["note", "status"]);
      expect(await r.audit.reportEntries()).toHaveLength(3);
      await r.audit.officer({
        id: "2",
        at: day(1).toISOString(),
        actor: "ani",
        action: "login",
        where: "cli",
        ok: true,
      });
      await r.audit.officer({ id: "1", at, actor: "ani", action: "add", where: "cli", ok: true });
      expect((await r.audit.officerEntries()).map((e) => e.action)).toEqual(["add", "login"]);
    });

    it("votes and unanswered questions add up", async () => {
      const r = await impl.open();
      await r.votes.add("costs", true);
      await r.votes.add("costs", true);
      expect(await r.votes.add("costs", false)).toEqual({ id: "costs", up: 2, down: 1 });
      expect(await r.votes.get("brokers")).toBeUndefined();
      await r.unanswered.record({ id: "a", text: "bola", lang: "id", day: "2026-12-01" }, 2);
      await r.unanswered.record({ id: "b", text: "resep", lang: "id", day: "2026-12-01" }, 2);
      await r.unanswered.record({ id: "b", text: "resep", lang: "id", day: "2026-12-02" }, 2);
      await r.unanswered.record({ id: "c", text: "cuaca", lang: "id", day: "2026-12-02" }, 2);
      expect(await r.unanswered.list()).toEqual([
        { id: "b", text: "resep", lang: "id", count: 2, firstSeen: "2026-12-01", lastSeen: "2026-12-02" },
        { id: "a", text: "bola", lang: "id", count: 1, firstSeen: "2026-12-01", lastSeen: "2026-12-01" },
      ]);
    });

    it("registry: absent until imported, then replaced whole with a new version", async () => {
      const r = await impl.open();
      expect(await r.registry.current()).toBeUndefined();
      expect(await r.registry.version()).toBeUndefined();
      const rec = {
        name: "PT Maju",
        license: "SIP3MI-2020-0001",
        status: "licensed" as const,
        address: "",
        province: "",
        validUntil: "",
        source: "test",
        checkedOn: "2026-12-01",
      };
      await r.registry.replace({ version: 1, sample: false, file: "a.csv", importedAt: "x", records: [rec] });
      const v1 = await r.registry.version();
      expect((await r.registry.current())?.records).toEqual([rec]);
      await r.registry.replace({
        version: 1,
        sample: false,
        file: "b.csv",
        importedAt: "y",
        records: [rec, rec],
      });
      expect(await r.registry.version()).not.toBe(v1);
      expect((await r.registry.current())?.file).toBe("b.csv");
    });

    it("broadcasts: due ones, interrupted fan-outs, DAFTAR once per person", async () => {
      const r = await impl.open();
      const base = { createdBy: "ani", text: "x", audience: {}, total: 0 };
      await r.broadcasts.put({
        ...base,
        id: "B1",
        createdAt: "1",
        status: "scheduled",
        scheduleAt: day(1).toISOString(),
      });
      await r.broadcasts.put({ ...base, id: "B2", createdAt: "2", status: "sending" });
      await r.broadcasts.put({ ...base, id: "B3", createdAt: "3", status: "sending", fannedOutAt: "x" });
      await r.broadcasts.put({ ...base, id: "B4", createdAt: "4", status: "done" });
      expect((await r.broadcasts.due(T0)).map((b) => b.id)).toEqual(["B2"]);
      expect((await r.broadcasts.due(day(2))).map((b) => b.id).sort()).toEqual(["B1", "B2"]);
      expect((await r.broadcasts.sending()).map((b) => b.id).sort()).toEqual(["B2", "B3"]);
      expect((await r.broadcasts.list()).map((b) => b.id)).toEqual(["B4", "B3", "B2", "B1"]);
      const i = { id: "B3|web:a", broadcast: "B3", userKey: "web:a", at: T0.toISOString() };
      expect(await r.broadcasts.register(i)).toBe(true);
      expect(await r.broadcasts.register(i)).toBe(false);
      expect(await r.broadcasts.interested("B3")).toEqual([i]);
    });

    it("officers: accounts, console sessions and a secret made once", async () => {
      const r = await impl.open();
      await r.officers.put({ id: "ani", passwordHash: "h", createdAt: "t", tokens: [] });
      expect((await r.officers.list()).map((a) => a.id)).toEqual(["ani"]);
      expect((await r.officers.get("ani"))?.passwordHash).toBe("h");
      const s = { id: "s1", officer: "ani", createdAt: "t", lastSeenAt: "t", ip: "127.0.0.1" };
      await r.officers.putSession(s);
      expect(await r.officers.session("s1")).toEqual(s);
      await r.officers.deleteSession("s1");
      expect(await r.officers.session("s1")).toBeUndefined();
      const first = await r.officers.secret("cookie", () => "one");
      expect(await r.officers.secret("cookie", () => "two")).toBe(first);
    });

    it("seen ids: first once per scope, forgotten after their time", async () => {
      const r = await impl.open();
      expect(await r.seen.first("telegram-updates", "42", T0)).toBe(true);
      expect(await r.seen.first("telegram-updates", "42", day(1))).toBe(false);
      expect(await r.seen.first("whatsapp-web-seen", "42", T0)).toBe(true);
      expect(await r.seen.forget("telegram-updates", day(1))).toBe(1);
      expect(await r.seen.first("telegram-updates", "42", day(2))).toBe(true);
    });

    it("key-value documents and a person's data found and erased", async () => {
      const r = await impl.open();
      await r.kv.put("offer-questionnaire", "web:a", { answers: { q1: "yes" }, updatedAt: "t" });
      await r.kv.put("whatsapp-aliases", "lid1", { userKey: "web:a" });
      await r.kv.put("whatsapp-aliases", "lid2", { userKey: "web:b" });
      expect(await r.kv.get("offer-questionnaire", "web:a")).toMatchObject({ answers: { q1: "yes" } });
      expect((await r.kv.all("whatsapp-aliases")).map((d) => d.id).sort()).toEqual(["lid1", "lid2"]);
      const found = await r.personal.collect("web:a");
      expect(found.sort((a, b) => a.collection.localeCompare(b.collection))).toEqual([
        { collection: "offer-questionnaire", count: 1 },
        { collection: "whatsapp-aliases", count: 1 },
      ]);
      expect(await r.personal.erase("web:a")).toBe(2);
      expect(await r.personal.collect("web:a")).toEqual([]);
      expect(await r.kv.get("whatsapp-aliases", "lid2")).toBeDefined();
      expect(await r.kv.delete("whatsapp-aliases", "lid2")).toBe(true);
      expect(await r.kv.delete("whatsapp-aliases", "lid2")).toBe(false);
    });

    if (impl.reopen) {
      it("what was flushed is there after a restart", async () => {
        const r = await impl.open();
        await r.people.save(person("web:p"), { flow: "report", updatedAt: T0.toISOString() });
        await r.reports.put(report("MA-DURABLE1"));
        await r.seen.first("telegram-updates", "7", T0);
        await r.flush();
        const again = await impl.reopen!(r);
        expect((await again.people.session("web:p"))?.flow).toBe("report");
        expect(await again.reports.byReference("MA-DURABLE1")).toBeDefined();
        expect(await again.seen.first("telegram-updates", "7", T0)).toBe(false);
        expect(again.health().ok).toBe(true);
        await again.close();
      });
    }
  });
}
