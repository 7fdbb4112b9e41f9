import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWebApp } from "../../adapters/web/app";
import { loadConfig } from "../../bot/config";
import { createLogger } from "../../bot/logger";
import type { Sender } from "../../bot/sender";
import { createMemoryStore } from "../../bot/store/open-store";
import { createStoreRepositories } from "../../bot/store/store-repositories";
import { createBot } from "../../bot/wiring";
import { CAPABILITIES } from "../../flows/capabilities";
import { launchBrowser } from "../helpers/browser";
import { serveApp } from "../helpers/serve-app";
import { sampleSubscriber } from "../helpers/subscriber";

describe("officer console in headless Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("logs in, composes, previews, confirms, watches progress reach 100 %, logs out", async () => {
    const store = createMemoryStore();
    const bot = createBot({
      capabilities: CAPABILITIES,
      config: loadConfig({}),
      repos: createStoreRepositories(store),
      log: createLogger("silent"),
    });
    for (let i = 0; i < 25; i++) {
      store.putUser(sampleSubscriber("telegram", String(100 + i)));
    }
    const delivered: string[] = [];
    const sender: Sender = {
      channel: "telegram",
      async send(chatId) {
        delivered.push(chatId);
        await new Promise((r) => setTimeout(r, 20));
        return { ok: true };
      },
    };
    bot.services.senders.set("telegram", sender);
    bot.services.dispatcher.start(200);
    await bot.services.officers.add("siti", "kata-sandi-panjang");
    const server = await serveApp(createWebApp(bot));
    const errors: string[] = [];
    try {
      const page = await browser.newPage();
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      await page.goto(`${server.url}/admin`);
      expect(page.url()).toContain("/admin/login");
      await page.fill("#name", "siti");
      await page.fill("#password", "kata-sandi-panjang");
      await page.click("#login");
      await page.waitForURL(/\/admin$/);
      await page.goto(`${server.url}/admin/broadcasts/new`);
      await page.fill("#text", "Pelatihan bahasa Jepang gratis di BLK");
      await page.fill("#title", "Bahasa Jepang dasar");
      await page.fill("#quota", "30");
      await page.selectOption("#destination", "japan");
      await page.click("#preview");
      await page.waitForSelector("#count");
      expect(await page.textContent("#count")).toContain("25");
      expect(await page.textContent("#preview-text")).toContain("Bahasa Jepang dasar");
      await page.click("#confirm");
      await page.waitForURL(/\/admin\/broadcasts\/B/);
      await page.waitForFunction(() => document.getElementById("status")?.textContent === "done", undefined, {
        timeout: 120_000,
      });
      expect(await page.textContent("#progress")).toMatch(/^100%/);
      expect(await page.getAttribute("#bar", "value")).toBe("100");
      expect(delivered.sort()).toEqual(Array.from({ length: 25 }, (_, i) => String(100 + i)).sort());
      await page.click("#logout");
      await page.waitForURL(/\/admin\/login/);
      await page.goto(`${server.url}/admin`);
      expect(page.url()).toContain("/admin/login");
      expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
    } finally {
      await bot.services.dispatcher.stop();
      await server.stop();
    }
  }, 240_000);
});
