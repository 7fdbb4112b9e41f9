import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWebApp } from "../../adapters/web/app";
import { launchBrowser } from "../helpers/browser";
import { makeBot } from "../helpers/make-bot";
import { serveApp } from "../helpers/serve-app";

describe("web page: tap-to-call and typed keluar (headless Chromium)", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveApp>>;

  beforeAll(async () => {
    server = await serveApp(createWebApp(makeBot().bot));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("numbers in the emergency answer are tel: links built as elements, not HTML", async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(server.url);
    await page.getByText("Halo! Saya").waitFor();
    await page.fill("#input", "tolong saya disekap di malaysia");
    await page.click("#send");
    await page.locator(".msg.bot", { hasText: "Nomor darurat Malaysia" }).waitFor();
    const hrefs = await page
      .locator(".msg.bot a.tel")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(hrefs).toEqual(expect.arrayContaining(["tel:999", "tel:+622129244800"]));
    expect(hrefs).not.toContain("tel:110");
    // Only bold numbers become links; an echoed message with markup stays text.
    await page.fill("#input", '<a href="tel:123">x</a> *0812-3456-7890*');
    await page.click("#send");
    await page.locator(".msg.me", { hasText: '<a href="tel:123">' }).waitFor();
    expect(await page.locator('.msg.me a[href="tel:123"]').count()).toBe(0);
    await page.close();
  });

  for (const word of ["keluar", "exit"]) {
    it(`typed "${word}" clears the screen and the browser's storage, like "Keluar cepat"`, async () => {
      const page = await browser.newPage();
      await page.route("https://www.google.com/**", (route) =>
        route.fulfill({ status: 200, contentType: "text/html", body: "<p>neutral</p>" }),
      );
      await page.goto(server.url);
      await page.getByText("Halo! Saya").waitFor();
      await page.fill("#input", "tolong saya");
      await page.click("#send");
      await page.locator(".msg.bot", { hasText: "Anda sekarang di mana?" }).waitFor();
      const chatBefore = await page.evaluate(() => localStorage.getItem("migrasi-aman.chat"));
      expect(chatBefore).not.toBeNull();
      await page.fill("#input", word);
      await page.click("#send");
      await page.waitForURL("https://www.google.com/");
      await page.goto(server.url);
      await page.getByText("Halo! Saya").waitFor();
      expect(await page.locator(".msg", { hasText: "tolong saya" }).count()).toBe(0);
      expect(await page.evaluate(() => localStorage.getItem("migrasi-aman.chat"))).not.toBe(chatBefore);
      await page.close();
    });
  }
});

describe("web API per-address flood limit", () => {
  it("rotating chat ids from one address are slowed; danger and keluar still answered", async () => {
    const b = makeBot({ env: { WEB_RATE_LIMIT_PER_MINUTE: "10" } });
    const server = await serveApp(createWebApp(b.bot));
    try {
      const post = async (chat: string, text: string) => {
        const res = await fetch(`${server.url}/api/chat`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ chat, text }),
        });
        expect(res.status).toBe(200);
        return (await res.json()) as { replies: { text: string }[]; meta: Record<string, unknown> };
      };
      let limited = 0;
      for (let i = 0; i < 40; i++) if ((await post(`rot-${i}`, "halo")).meta.limited) limited++;
      expect(limited).toBeGreaterThanOrEqual(25);
      const danger = await post("rot-new", "tolong saya");
      expect(danger.meta.emergency).toBe(true);
      expect(danger.replies[0]?.text).toContain("110");
      const again = await post("rot-new-2", "tolong saya");
      expect(again.meta.repeated).toBe(true);
      expect((await post("rot-exit", "keluar")).meta.exit).toBe(true);
    } finally {
      await server.stop();
    }
  });
});
