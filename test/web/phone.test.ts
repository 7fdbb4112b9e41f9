import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWebApp } from "../../adapters/web/app";
import type { Inbound } from "../../bot/model";
import { launchBrowser } from "../helpers/browser";
import { makeBot } from "../helpers/make-bot";
import { serveApp } from "../helpers/serve-app";

/** Screenshots of the main screens, for review (gitignored). */
const SHOTS = join(import.meta.dirname, "screenshots");
const PHONE = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };

describe("web chat on a cheap phone (360 × 740, touch, headless Chromium)", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveApp>>;
  const received: Inbound[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const { bot } = makeBot();
    const handle = bot.core.handle;
    bot.core.handle = (inbound) => {
      received.push(inbound);
      return handle(inbound);
    };
    server = await serveApp(createWebApp(bot));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    await page.goto(server.url);
    await page.getByText("Halo! Saya").waitFor();
    return { context, page, errors };
  }

  async function say(page: Page, text: string) {
    const before = await page.locator(".msg.bot").count();
    await page.fill("#input", text);
    await page.tap("#send");
    await page.locator(".msg.bot").nth(before).waitFor();
    return before;
  }

  /** Where a bubble is, relative to the visible part of the chat. */
  function place(page: Page, index: number) {
    return page.evaluate((i) => {
      const log = document.getElementById("log")!.getBoundingClientRect();
      const el = document.querySelectorAll(".msg.bot")[i]!.getBoundingClientRect();
      const last = [...document.querySelectorAll(".msg")].at(-1)!.getBoundingClientRect();
      return { logTop: log.top, logBottom: log.bottom, top: el.top, lastBottom: last.bottom };
    }, index);
  }

  it("shows a long reply from its start, announced to screen readers, and offers Selengkapnya", async () => {
    const { context, page, errors } = await open();
    await page.screenshot({ path: join(SHOTS, "01-greeting.png") });
    expect(await page.getAttribute("#log", "aria-live")).toBe("polite");
    await say(page, "brp biaya jd tkw?");
    await say(page, "dokumen apa aja buat kerja di jepang");
    // An emergency: the contacts are long; the first number must be in view, not two screens up.
    const first = await say(page, "tolong paspor saya ditahan majikan");
    await page
      .locator(".msg.bot")
      .nth(first + 1)
      .waitFor();
    const p = await place(page, first);
    expect(p.top).toBeGreaterThanOrEqual(p.logTop - 1);
    expect(p.top).toBeLessThan(p.logTop + 40);
    expect(p.lastBottom).toBeGreaterThan(p.logBottom); // it did not jump to the end
    expect(await page.locator(".msg.bot").nth(first).locator("strong", { hasText: "110" }).isVisible()).toBe(
      true,
    );
    await page.screenshot({ path: join(SHOTS, "02-emergency-from-its-start.png") });

    // A long answer keeps its gist; "Selengkapnya" shows the rest from its start.
    await page.locator('button[data-choice="faq:more:costs"]').last().tap();
    const more = page.locator('button[data-choice="more:0"]').last();
    await more.waitFor();
    await page.screenshot({ path: join(SHOTS, "03-gist-with-selengkapnya.png") });
    const before = await page.locator(".msg.bot").count();
    await more.tap();
    await page.locator(".msg.bot").nth(before).waitFor();
    const q = await place(page, before);
    expect(q.top).toBeGreaterThanOrEqual(q.logTop - 1);
    expect(q.top).toBeLessThan(q.logTop + 40);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("keeps the reader's place when they scrolled up, and offers the new reply", async () => {
    const { context, page } = await open();
    for (const text of ["brp biaya jd tkw?", "dokumen apa aja buat kerja di jepang"]) await say(page, text);
    let release: () => void = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    await page.route("**/api/chat", async (route) => {
      await held;
      await route.continue();
    });
    const before = await page.locator(".msg.bot").count();
    await page.fill("#input", "cara lapor");
    await page.tap("#send");
    await page.evaluate(() => {
      document.getElementById("log")!.scrollTop = 0;
    });
    release();
    await page.locator(".msg.bot").nth(before).waitFor();
    expect(await page.evaluate(() => document.getElementById("log")!.scrollTop)).toBeLessThan(5);
    const pill = page.locator("#new-reply");
    await pill.waitFor();
    await pill.tap();
    const p = await place(page, before);
    expect(p.top).toBeGreaterThanOrEqual(p.logTop - 1);
    expect(p.top).toBeLessThan(p.logTop + 40);
    await expect(pill.isVisible()).resolves.toBe(false);
    await context.close();
  });

  it("every visible button and link is at least 44 px tall with room between; the box grows", async () => {
    const { context, page } = await open();
    await say(page, "brp biaya jd tkw?");
    // Page through the chat: at each place, every target a finger can reach is checked.
    const seen = new Set<string>();
    const height = await page.evaluate(() => document.getElementById("log")!.scrollHeight);
    for (let y = 0; y < height; y += 250) {
      await page.evaluate((top) => {
        document.getElementById("log")!.scrollTop = top;
      }, y);
      const targets = await page.evaluate(() =>
        [...document.querySelectorAll("button, a, textarea")]
          .map((el) => ({ el, r: el.getBoundingClientRect() }))
          // On screen: what a finger hits at its centre is the element itself.
          .filter(({ el, r }) => {
            const hit = r.width > 0 && document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            return hit && (hit === el || el.contains(hit));
          })
          .map(({ el, r }) => {
            // What shows of a target in the scrolling chat is cut at the chat's edges.
            const log = document.getElementById("log")!.getBoundingClientRect();
            const inLog = el.closest("#log");
            const top = inLog ? Math.max(r.top, log.top) : r.top;
            const bottom = inLog ? Math.min(r.bottom, log.bottom) : r.bottom;
            return {
              what: el.textContent?.slice(0, 30) || el.id,
              whole: r.height,
              r: { left: r.left, right: r.right, top, bottom, height: bottom - top },
            };
          }),
      );
      for (const [i, a] of targets.entries()) {
        seen.add(a.what);
        expect(a.whole, a.what).toBeGreaterThanOrEqual(44);
        // No two targets touch: at least 8 px apart.
        for (const b of targets.slice(i + 1)) {
          const apart = Math.max(
            b.r.left - a.r.right,
            a.r.left - b.r.right,
            b.r.top - a.r.bottom,
            a.r.top - b.r.bottom,
          );
          expect(apart, `${a.what} / ${b.what}`).toBeGreaterThanOrEqual(8);
        }
      }
    }
    expect(seen.size).toBeGreaterThan(10);
    const h1 = (await page.locator("#input").boundingBox())!.height;
    await page.fill("#input", "baris satu\nbaris dua\nbaris tiga\nbaris empat");
    const h4 = (await page.locator("#input").boundingBox())!.height;
    expect(h4).toBeGreaterThan(h1 * 2);
    await page.fill("#input", "x\n".repeat(30));
    const hMax = (await page.locator("#input").boundingBox())!.height;
    expect(hMax).toBeLessThan(740 / 3);
    await context.close();
  });

  it("a message typed offline waits in view, then is sent once when the signal returns", async () => {
    const { context, page } = await open();
    await context.setOffline(true);
    await page.fill("#input", "syarat umur kerja ke korea");
    await page.tap("#send");
    const mine = page.locator(".msg.me", { hasText: "syarat umur kerja ke korea" });
    await mine.locator(".state", { hasText: "menunggu sinyal" }).waitFor();
    const status = page.locator("#status");
    await status.getByText("Belum terkirim").waitFor();
    const box = (await status.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(740);
    await page.screenshot({ path: join(SHOTS, "04-offline-waiting.png") });
    // Still kept after a reload with no signal? It is in the page's queue.
    expect(await page.evaluate(() => localStorage.getItem("migrasi-aman.queue"))).toContain("korea");
    await context.setOffline(false);
    await page.locator(".msg.bot").nth(1).waitFor();
    await expect(mine.locator(".state").count()).resolves.toBe(0);
    await expect(status.isVisible()).resolves.toBe(false);
    expect(received.filter((r) => r.text === "syarat umur kerja ke korea")).toHaveLength(1);
    await context.close();
  });

  it("an answer lost on the way back is fetched again, and the message still counts once", async () => {
    const { context, page } = await open();
    let dropped = 0;
    await page.route("**/api/chat", async (route) => {
      if (dropped++ === 0) {
        await route.fetch(); // the server gets it and answers…
        return route.abort("connectionreset"); // …but the answer never reaches the phone
      }
      return route.continue();
    });
    await page.fill("#input", "apa itu visa kerja");
    await page.tap("#send");
    await page.locator("#status", { hasText: "Belum terkirim" }).waitFor();
    await page.tap("#retry");
    await page.locator(".msg.bot").nth(1).waitFor();
    expect(received.filter((r) => r.text === "apa itu visa kerja")).toHaveLength(1);
    await context.close();
  });

  it("a long paste is accepted whole and warned about before anything is cut", async () => {
    const { context, page } = await open();
    const max = Number(await page.getAttribute("#form", "data-max"));
    const question = "jadi sy hrs gmn?";
    const paste = `${"Dicari pekerja pabrik di Malaysia, gaji besar, berangkat cepat. ".repeat(Math.ceil((max + 1000) / 64))}${question}`;
    await page.fill("#input", paste);
    expect(await page.inputValue("#input")).toHaveLength(paste.length);
    const warn = page.locator("#warn");
    await warn.waitFor();
    expect(await warn.textContent()).toContain(question);
    expect(await warn.textContent()).toContain(max.toLocaleString("id-ID"));
    await page.screenshot({ path: join(SHOTS, "05-long-paste-warning.png") });
    const sent = received.length;
    await page.tap("#send");
    expect(await page.locator(".msg.me").count()).toBe(0); // the first press only warns
    await page.tap("#send");
    await page.locator(".msg.bot", { hasText: "sangat panjang" }).waitFor();
    expect(received.length).toBeGreaterThan(sent);
    await context.close();
  });

  it("the quick exit is reachable by keyboard; the page has lang, labels and readable contrast", async () => {
    const { context, page } = await open();
    expect(await page.getAttribute("html", "lang")).toBe("id");
    await expect(page.getByLabel("Pesan Anda").count()).resolves.toBe(1);
    await expect(page.getByRole("log").count()).resolves.toBe(1);
    const ratios = await page.evaluate(() => {
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
      const lum = ([r = 0, g = 0, b = 0]: number[]) => {
        const f = (v: number) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const bg = (el: Element | null): string => {
        for (let e = el; e; e = e.parentElement) {
          const c = getComputedStyle(e).backgroundColor;
          if (rgb(c)[3] !== 0 && c !== "transparent") return c;
        }
        return "rgb(255, 255, 255)";
      };
      const all = [...document.querySelectorAll("h1, header p, .msg, button, textarea, #status, #warn")];
      return all.map((el) => {
        const a = lum(rgb(getComputedStyle(el).color));
        const b = lum(rgb(bg(el)));
        return {
          what: el.id || el.className || el.tagName,
          ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05),
        };
      });
    });
    for (const r of ratios) expect(r.ratio, r.what).toBeGreaterThanOrEqual(4.5);
    await page.route("https://www.google.com/**", (route) =>
      route.fulfill({ status: 200, contentType: "text/html", body: "<p>neutral</p>" }),
    );
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("quick-exit");
    await page.keyboard.press("Enter");
    await page.waitForURL("https://www.google.com/");
    await context.close();
  });

  it("is an installable web app whose shell opens with no signal and says so", async () => {
    const { context, page } = await open();
    const cdp = await context.newCDPSession(page);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    const manifest = (await cdp.send("Page.getAppManifest")) as { errors: unknown[]; data?: string };
    expect(manifest.errors).toEqual([]);
    expect(JSON.parse(manifest.data ?? "{}").icons.length).toBeGreaterThan(1);
    const installable = (await cdp.send("Page.getInstallabilityErrors")) as {
      installabilityErrors: { errorId: string }[];
    };
    // Test contexts are incognito, where Chromium never offers to install; nothing else may stop it.
    expect(installable.installabilityErrors.filter((e) => e.errorId !== "in-incognito")).toEqual([]);
    await cdp.detach();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await context.setOffline(true);
    await page.reload();
    await page.getByText("Halo! Saya").waitFor();
    await page.locator("#status", { hasText: "Anda sedang offline" }).waitFor();
    await page.screenshot({ path: join(SHOTS, "06-offline-shell.png") });
    await context.close();
  });

  it("still greets and answers on Chromium's slow-3G profile", async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    // DevTools' "Slow 3G": 400 ms × 5 latency, 500 kbit/s × 0.8 each way.
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 2000,
      downloadThroughput: 50_000,
      uploadThroughput: 50_000,
    });
    await page.goto(server.url, { timeout: 60_000 });
    await page.getByText("Halo! Saya").waitFor({ timeout: 60_000 });
    await page.locator("#send").waitFor();
    await page.waitForFunction(() => document.readyState === "complete", null, { timeout: 60_000 });
    await page.fill("#input", "brp biaya jd tkw?");
    await page.tap("#send");
    await page.locator(".msg.bot").nth(1).waitFor({ timeout: 60_000 });
    // The first answer brings no second greeting: the page greeted already.
    await expect(page.locator(".msg.bot", { hasText: "Halo! Saya" }).count()).resolves.toBe(1);
    await context.close();
  });
});
