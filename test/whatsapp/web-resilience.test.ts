import { existsSync, lstatSync, mkdirSync, mkdtempSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS, clientOptions, realClientFactory } from "../../adapters/whatsapp/web/real-client";
import { classifyWebError } from "../../adapters/whatsapp/web/web-sender";
import { loadConfig } from "../../bot/config";
import type { Outbound } from "../../bot/model";
import { startWebHarness, until, type WebHarness } from "./web-harness";

let h: WebHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const fast = { watchdogMs: 60_000, healthMs: 60_000, backoffMs: 5, maxBackoffMs: 20, restartEveryMs: 0 };

describe("whatsapp-web.js adapter: resilience", () => {
  it("restarts a client that sends neither qr nor ready in time, with backoff", async () => {
    h = await startWebHarness({
      starts: ["hang", "hang", "ready"],
      extra: { timings: { ...fast, watchdogMs: 30 } },
    });
    await until(() => h!.wa.supervisor.state() === "ready", "ready after two restarts");
    expect(h.fakes.clients).toHaveLength(3);
    expect(h.fakes.clients[0]!.destroyed).toBe(1);
    expect(h.fakes.clients[1]!.destroyed).toBe(1);
  });

  it("waits for a scan once a QR code is shown (no restart while logging in)", async () => {
    const shown: string[] = [];
    h = await startWebHarness({
      starts: ["qr"],
      extra: { showQr: (qr) => shown.push(qr), timings: { ...fast, watchdogMs: 30 } },
    });
    await until(() => shown.length > 0, "the QR code");
    await new Promise((r) => setTimeout(r, 100));
    expect(h.fakes.clients).toHaveLength(1);
    expect(h.wa.supervisor.state()).toBe("login");
    h.fakes.last().emit("ready");
    await until(() => h!.wa.supervisor.state() === "ready", "ready");
  });

  it("restarts a client whose initialize() fails", async () => {
    h = await startWebHarness({ starts: ["fail", "ready"], extra: { timings: fast } });
    await until(() => h!.wa.supervisor.state() === "ready", "ready");
    expect(h.fakes.clients).toHaveLength(2);
  });

  it("replaces a client whose getState() is not CONNECTED", async () => {
    h = await startWebHarness({ extra: { timings: { ...fast, healthMs: 20 } } });
    h.fakes.last().state = "UNPAIRED_IDLE";
    await until(() => h!.fakes.clients.length === 2 && h!.wa.supervisor.state() === "ready", "a new client");
    expect(h.fakes.clients[0]!.destroyed).toBe(1);
  });

  it("destroys a disconnected client and answers through a new one", async () => {
    h = await startWebHarness({ extra: { timings: fast } });
    const first = h.fakes.last();
    first.emit("disconnected", "NAVIGATION");
    await until(() => h!.fakes.clients.length === 2 && h!.wa.supervisor.state() === "ready", "a new client");
    expect(first.destroyed).toBe(1);
    first.deliver("6281234500009@c.us", "menu");
    h.fakes.last().deliver("6281234500009@c.us", "menu");
    await h.handled(1);
    expect(first.sent).toHaveLength(0);
    expect(h.fakes.last().sent.length).toBeGreaterThan(0);
  });

  it("tells officers on another channel when WhatsApp logs out or authentication fails", async () => {
    const told: Outbound[] = [];
    h = await startWebHarness({ env: { OFFICER_TELEGRAM_IDS: "77" }, extra: { timings: fast } });
    h.test.bot.services.senders.set("telegram", {
      channel: "telegram",
      send: async (_chat, message) => {
        told.push(message);
        return { ok: true };
      },
    });
    h.fakes.last().emit("disconnected", "LOGOUT");
    await until(() => told.length === 1, "the officer notice");
    expect(told[0]!.text).toContain("LOGOUT");
    expect(told[0]!.text).toContain(h.wa.loginFile);
    await until(() => h!.wa.supervisor.state() === "ready", "a new client");
    h.fakes.last().emit("auth_failure", "restore failed");
    await until(() => told.length === 2, "the second notice");
    expect(told[1]!.text).toContain("auth_failure");
  });

  it("removes stale Singleton files before starting, and keeps the session folder mode 700", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ma-wa-lock-"));
    const profile = join(dir, "whatsapp-web", "session-migrasi-aman");
    mkdirSync(profile, { recursive: true });
    symlinkSync("otherhost-12345", join(profile, "SingletonLock"));
    writeFileSync(join(profile, "SingletonCookie"), "x");
    symlinkSync("/tmp/nowhere/SingletonSocket", join(profile, "SingletonSocket"));
    writeFileSync(join(profile, "Preferences"), "{}");
    h = await startWebHarness({ dir });
    expect(() => lstatSync(join(profile, "SingletonLock"))).toThrow();
    expect(existsSync(join(profile, "SingletonCookie"))).toBe(false);
    expect(() => lstatSync(join(profile, "SingletonSocket"))).toThrow();
    expect(existsSync(join(profile, "Preferences"))).toBe(true);
    expect(statSync(join(dir, "whatsapp-web")).mode & 0o777).toBe(0o700);
  });

  it("restarts the browser periodically and above the memory ceiling", async () => {
    h = await startWebHarness({ extra: { timings: { ...fast, restartEveryMs: 30 } } });
    await until(() => h!.fakes.clients.length >= 2, "a periodic restart");
    await h.stop();
    h = await startWebHarness({ extra: { timings: { ...fast, healthMs: 20, maxMemoryMb: 100 } } });
    h.fakes.last().memoryMb = 2000;
    await until(() => h!.fakes.clients.length === 2, "a memory restart");
    expect(h.fakes.clients[0]!.destroyed).toBe(1);
  });

  it("destroys the client on stop (SIGTERM) and makes no new one", async () => {
    h = await startWebHarness({ extra: { timings: fast } });
    const client = h.fakes.last();
    await h.wa.stop();
    expect(client.destroyed).toBe(1);
    expect(h.wa.supervisor.state()).toBe("stopped");
    client.emit("disconnected", "NAVIGATION");
    await new Promise((r) => setTimeout(r, 50));
    expect(h.fakes.clients).toHaveLength(1);
  });
});

describe("whatsapp-web.js sender", () => {
  it("sends only to people who wrote first, stops at the daily cap, and classifies errors", async () => {
    h = await startWebHarness({ env: { WHATSAPP_WEB_DAILY_CAP: "2" } });
    const c = h.fakes.last();
    const never = await h.wa.sender.send("6281299999999@c.us", { text: "halo" });
    expect(never).toMatchObject({ ok: false, permanent: true });
    c.deliver("6281234500010@c.us", "menu");
    await h.handled(1);
    const before = c.sent.length;
    expect(await h.wa.sender.send("6281234500010@c.us", { text: "satu" })).toEqual({ ok: true });
    expect(await h.wa.sender.send("6281234500010@c.us", { text: "dua" })).toEqual({ ok: true });
    expect(await h.wa.sender.send("6281234500010@c.us", { text: "tiga" })).toMatchObject({
      ok: false,
      permanent: false,
    });
    expect(c.sent.slice(before).map((s) => s.text)).toEqual(["satu", "dua"]);
    expect(classifyWebError(new Error("Evaluation failed: Error: wid error: invalid wid")).permanent).toBe(
      true,
    );
    expect(classifyWebError(new Error("Attempted to use detached Frame")).permanent).toBe(false);
  });

  it("fails transiently while the client is not connected", async () => {
    h = await startWebHarness({ starts: ["qr"] });
    h.test.store.putUser({
      key: "whatsapp:6281234500011@c.us",
      channel: "whatsapp",
      chatId: "6281234500011@c.us",
      profile: {},
      consent: {},
      createdAt: "",
      lastSeenAt: "",
    });
    expect(await h.wa.sender.send("6281234500011@c.us", { text: "x" })).toMatchObject({
      ok: false,
      permanent: false,
      reason: "whatsapp not connected",
    });
  });
});

describe("whatsapp-web.js client options", () => {
  it("drives Debian's chromium as root, never pins a cached WhatsApp Web page, and pairs by code when asked", () => {
    const config = loadConfig({
      CHROMIUM_PATH: "/usr/bin/chromium",
      WHATSAPP_PAIRING_NUMBER: "6281234567890",
    });
    const o = clientOptions(config, "auth");
    expect(o.puppeteer).toEqual({ executablePath: "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS });
    expect(CHROMIUM_ARGS).toEqual(
      expect.arrayContaining(["--no-sandbox", "--disable-setuid-sandbox", "--disable-dev-shm-usage"]),
    );
    expect(o.webVersionCache).toEqual({ type: "none" });
    expect(o).not.toHaveProperty("webVersion");
    expect(o.pairWithPhoneNumber).toEqual({ phoneNumber: "6281234567890", showNotification: true });
    expect(clientOptions(loadConfig({}), "auth")).not.toHaveProperty("pairWithPhoneNumber");
  });

  it("imports the real library (CommonJS default export) and builds a client without launching a browser", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ma-wa-real-"));
    const factory = await realClientFactory(loadConfig({ DATA_DIR: dir }), join(dir, "whatsapp-web"));
    const client = factory() as unknown as {
      pupBrowser: unknown;
      options: { authStrategy: { dataPath: string } };
    };
    expect(client.pupBrowser).toBeNull();
    expect(client.options.authStrategy.dataPath).toContain(join(dir, "whatsapp-web"));
  });
});
