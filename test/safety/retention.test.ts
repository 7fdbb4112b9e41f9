import { afterEach, describe, expect, it, vi } from "vitest";
import { startRetentionSweep, sweep } from "../../bot/privacy/retention";
import type { NoticeRecord, ReportRecord } from "../../bot/reports/types";
import { makeBot } from "../helpers/make-bot";

const DAY = 24 * 60 * 60 * 1000;

afterEach(() => {
  vi.useRealTimers();
});

describe("retention sweep", () => {
  it("removes conversation state and idle people after RETENTION_DAYS, keeps subscribers and reports", async () => {
    const b = makeBot({ env: { RETENTION_DAYS: "30" } });
    const { services } = b.bot;
    await b.say("old", { choice: "report:start" }); // idle person with a session
    await b.say("subscriber", "menu");
    const subscriber = b.store.getUser("web:subscriber");
    if (!subscriber) throw new Error("no user");
    b.store.putUser({ ...subscriber, consent: { subscriptions: b.clock().toISOString() } });
    await b.say("subscriber", "bahasa"); // leaves a session
    const closed = await services.reports.submit({
      what: "x",
      anonymous: false,
      reporterKey: "web:gone",
      contact: "0812",
      channel: "web",
      lang: "id",
    });
    const open = await services.reports.submit({
      what: "y",
      anonymous: false,
      reporterKey: "web:still",
      channel: "web",
      lang: "id",
    });
    await services.reports.setStatus(closed.report.id, "selesai", "test");

    // 29 days later nothing is old enough.
    b.clock.advance(29 * DAY);
    await b.say("recent", "menu");
    expect(await sweep(services, b.clock())).toEqual({
      sessions: 0,
      users: 0,
      reportsUnlinked: 0,
      notices: 0,
    });

    // 31 days after the start, the first conversations are past the limit.
    b.clock.advance(2 * DAY);
    const result = await sweep(services, b.clock());
    expect(result).toEqual({ sessions: 2, users: 1, reportsUnlinked: 1, notices: 1 });
    expect(b.store.getUser("web:old")).toBeUndefined();
    expect(b.store.getSession("web:old")).toBeUndefined();
    expect(b.store.getUser("web:subscriber")).toBeDefined();
    expect(b.store.getSession("web:subscriber")).toBeUndefined();
    expect(b.store.getUser("web:recent")).toBeDefined();
    const reports = b.store.collection<ReportRecord>("reports");
    expect(reports.get(closed.report.id)?.reporterKey).toBeUndefined();
    expect(reports.get(closed.report.id)?.contact).toBeUndefined();
    expect(reports.get(closed.report.id)?.what).toBe("x");
    expect(reports.get(open.report.id)?.reporterKey).toBe("web:still");
    // The open report's notice is still waiting for an officer: kept.
    expect(b.store.collection<NoticeRecord>("report-notices").get(open.report.id)).toBeDefined();
    expect(await sweep(services, b.clock())).toEqual({
      sessions: 0,
      users: 0,
      reportsUnlinked: 0,
      notices: 0,
    });
  });

  it("runs once a day and stops when asked", async () => {
    vi.useFakeTimers();
    const b = makeBot({ env: { RETENTION_DAYS: "1" } });
    await b.say("idle", "menu");
    b.clock.advance(2 * DAY);
    const stop = startRetentionSweep(b.bot.services);
    expect(b.store.getUser("web:idle")).toBeDefined();
    await vi.advanceTimersByTimeAsync(6_000);
    expect(b.store.getUser("web:idle")).toBeUndefined();
    await b.say("idle2", "menu");
    b.clock.advance(2 * DAY);
    stop();
    await vi.advanceTimersByTimeAsync(2 * DAY);
    expect(b.store.getUser("web:idle2")).toBeDefined();
  });

  it("a clock 100 days ahead does not delete everyone: at most 10 % per run, and it says why", async () => {
    const b = makeBot({ env: { RETENTION_DAYS: "90" } });
    for (let i = 0; i < 50; i++) await b.say(`p${i}`, "menu");
    b.clock.advance(100 * DAY);
    const result = await sweep(b.bot.services, b.clock());
    expect(result.users).toBe(5);
    expect(result.heldBack).toBe(45);
    expect(b.store.userCount()).toBe(45);
  });

  it("deletes the idle few normally when most people are active", async () => {
    const b = makeBot({ env: { RETENTION_DAYS: "90" } });
    for (let i = 0; i < 5; i++) await b.say(`idle${i}`, "menu");
    b.clock.advance(91 * DAY);
    for (let i = 0; i < 30; i++) await b.say(`active${i}`, "menu");
    const result = await sweep(b.bot.services, b.clock());
    expect(result.users).toBe(5);
    expect(result.heldBack).toBeUndefined();
  });
});
