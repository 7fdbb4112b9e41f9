import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWebApp } from "../../adapters/web/app";
import { launchBrowser } from "../helpers/browser";
import { makeBot } from "../helpers/make-bot";
import { serveApp } from "../helpers/serve-app";

describe("web chat page in headless Chromium", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let t: ReturnType<typeof makeBot>;

  beforeAll(async () => {
    t = makeBot();
    server = await serveApp(createWebApp(t.bot));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("greets, answers, follows a choice and continues after a reload", async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    await page.goto(server.url);
    await page.getByText("Halo! Saya").waitFor();
    await expect(page.locator(".choices button").count()).resolves.toBe(7);

    await page.fill("#input", "bahasa");
    await page.click("#send");
    await page.getByText("Pilih bahasa / Choose your language:").waitFor();

    await page.getByRole("button", { name: "English" }).last().click();
    await page.getByText("OK, I will use English.").waitFor();

    await page.reload();
    await page.getByText("OK, I will use English.").waitFor();
    await page.fill("#input", "menu");
    await page.press("#input", "Enter");
    await page.locator(".msg.bot", { hasText: "What would you like to do?" }).last().waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows a broadcast held for this chat when the page is open again, once", async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.getByText("Halo! Saya").waitFor();
    await page.fill("#input", "bahasa");
    await page.click("#send");
    await page.getByText("Pilih bahasa / Choose your language:").waitFor();
    const chat = (await page.evaluate(() => localStorage.getItem("migrasi-aman.chat"))) ?? "";
    const [row] = await t.bot.services.outbox.enqueue(
      [
        {
          effect: "broadcast:BTEST",
          kind: "broadcast",
          channel: "web",
          chatId: chat,
          message: { text: "📢 Pelatihan *bahasa Jepang* di BLK" },
        },
      ],
      t.clock(),
    );
    await page.reload();
    await page.locator(".msg.bot", { hasText: "Pelatihan bahasa Jepang di BLK" }).waitFor();
    await expect.poll(async () => (await t.bot.services.outbox.get(row?.id ?? ""))?.status).toBe("sent");
    await page.reload();
    await page.getByText("Pilih bahasa / Choose your language:").waitFor();
    expect(await page.locator(".msg.bot", { hasText: "Pelatihan bahasa Jepang" }).count()).toBe(1);
    await page.close();
  });

  it("shows markup as literal text", async () => {
    const page = await browser.newPage();
    let dialogs = 0;
    page.on("dialog", async (d) => {
      dialogs++;
      await d.dismiss();
    });
    await page.goto(server.url);
    await page.getByText("Halo! Saya").waitFor();
    const evil = `<script>alert(1)</script> <img src=x onerror="alert(2)">`;
    await page.fill("#input", evil);
    await page.click("#send");
    await page.locator(".msg.me", { hasText: "<script>alert(1)</script>" }).waitFor();
    expect(await page.locator("#log img").count()).toBe(0);
    expect(await page.locator("#log script").count()).toBe(0);
    expect(dialogs).toBe(0);
    await page.close();
  });

  it("quick exit replaces the page and forgets the transcript", async () => {
    const page = await browser.newPage();
    await page.route("https://www.google.com/**", (route) =>
      route.fulfill({ status: 200, contentType: "text/html", body: "<p>neutral</p>" }),
    );
    await page.goto(server.url);
    await page.getByText("Halo! Saya").waitFor();
    await page.fill("#input", "bahasa");
    await page.click("#send");
    await page.getByText("Pilih bahasa / Choose your language:").waitFor();
    const chatBefore = await page.evaluate(() => localStorage.getItem("migrasi-aman.chat"));
    const before = await page.evaluate(() => history.length);
    await page.click("#quick-exit");
    await page.waitForURL("https://www.google.com/");
    // replaced, not pushed: the back button does not lead back to the chat
    expect(await page.evaluate(() => history.length)).toBe(before);
    await page.goto(server.url);
    await page.getByText("Halo! Saya").waitFor();
    expect(await page.locator(".msg", { hasText: "Pilih bahasa" }).count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem("migrasi-aman.chat"))).not.toBe(chatBefore);
    await page.close();
  });

  it("forgets the browser's chat id and transcript after the person deletes their data", async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.getByText("Halo! Saya").waitFor();
    await page.fill("#input", "hapusdata");
    await page.click("#send");
    await page.locator(".msg.bot").nth(1).waitFor();
    const chatBefore = await page.evaluate(() => localStorage.getItem("migrasi-aman.chat"));
    const choices = await page.locator(".msg.bot").last().locator(".choices button").all();
    const ids = await Promise.all(choices.map((b) => b.getAttribute("data-choice")));
    const yes = choices[ids.indexOf("privacy:yes")];
    expect(yes).toBeDefined();
    await yes!.click();
    await page.waitForFunction(() => localStorage.getItem("migrasi-aman.chat") === null);
    expect(await page.locator(".msg", { hasText: "hapusdata" }).count()).toBe(0);
    expect(chatBefore).not.toBeNull();
    await page.close();
  });
});
