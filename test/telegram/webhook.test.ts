import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Update } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { createDurableInbox } from "../../adapters/telegram/durable-inbox";
import { createMemoryRepositories, openFileRepositories } from "../../bot/store/store-repositories";
import { type Harness, startHarness } from "./harness";

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

let nextId = 1000;
function post(harness: Harness, update: Update, secret?: string) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (secret !== undefined) headers["x-telegram-bot-api-secret-token"] = secret;
  return harness.app.request("/webhooks/telegram", { method: "POST", headers, body: JSON.stringify(update) });
}
function textUpdate(harness: Harness, chat: number, text: string): Update {
  return { update_id: nextId++, ...harness.fake.messageUpdate(chat, { text }) } as Update;
}

describe("telegram adapter in webhook mode", () => {
  it("registers the webhook with its secret and never polls", async () => {
    h = await startHarness({ webhook: true });
    expect(h.fake.webhook).toEqual({
      url: "https://bot.example.org/webhooks/telegram",
      secret: "s3cret-token",
    });
    expect(h.fake.calls("getUpdates")).toHaveLength(0);
    expect(h.telegram.mode).toBe("webhook");
  });

  it("refuses updates without the secret token, or with a wrong one (401, nothing handled)", async () => {
    h = await startHarness({ webhook: true });
    let calls = 0;
    const handle = h.test.bot.core.handle;
    h.test.bot.core.handle = (inbound) => {
      calls++;
      return handle(inbound);
    };
    expect((await post(h, textUpdate(h, 301, "menu"))).status).toBe(401);
    expect((await post(h, textUpdate(h, 301, "menu"), "wrong")).status).toBe(401);
    expect((await post(h, textUpdate(h, 301, "menu"), "s3cret-token-but-longer")).status).toBe(401);
    expect(calls).toBe(0);
    expect(h.fake.to(301)).toHaveLength(0);
    expect((await post(h, { nope: 1 } as unknown as Update, "s3cret-token")).status).toBe(400);
  });

  it("acknowledges at once and handles the update afterwards, off the request", async () => {
    h = await startHarness({ webhook: true });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const handle = h.test.bot.core.handle;
    h.test.bot.core.handle = async (inbound) => {
      await gate;
      return handle(inbound);
    };
    const update = textUpdate(h, 302, "menu");
    const res = await post(h, update, "s3cret-token");
    expect(res.status).toBe(200);
    expect(h.handled.has(update.update_id)).toBe(false);
    expect(h.fake.to(302)).toHaveLength(0);
    release();
    await h.deliver(update);
    expect(
      h.fake
        .to(302)[0]
        ?.reply_markup?.inline_keyboard?.flat()
        .map((b) => b.callback_data),
    ).toContain("menu:faq");
  });

  it("handles a re-delivered update only once", async () => {
    h = await startHarness({ webhook: true });
    const update = textUpdate(h, 303, "bantuan");
    expect((await post(h, update, "s3cret-token")).status).toBe(200);
    expect((await post(h, update, "s3cret-token")).status).toBe(200);
    await h.deliver(update);
    const later = textUpdate(h, 303, "menu");
    await post(h, later, "s3cret-token");
    await h.deliver(later);
    expect(h.fake.to(303).filter((m) => m.plain.includes("Cara memakai Migrasi Aman"))).toHaveLength(1);
  });

  it("a replay after a restart is acknowledged and not answered twice (update ids kept on disk)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tg-webhook-"));
    const open = () => openFileRepositories(dir, { intervalMs: 0, shards: 2 });
    const first = await open();
    h = await startHarness({ webhook: true, repos: first });
    const update = textUpdate(h, 305, "bantuan");
    expect((await post(h, update, "s3cret-token")).status).toBe(200);
    await h.deliver(update);
    expect(h.fake.to(305).filter((m) => m.plain.includes("Cara memakai Migrasi Aman"))).toHaveLength(1);
    await h.stop();
    await first.close();

    const again = await open();
    h = await startHarness({ webhook: true, repos: again });
    expect((await post(h, update, "s3cret-token")).status).toBe(200);
    const later = textUpdate(h, 305, "menu");
    await post(h, later, "s3cret-token");
    await h.deliver(later);
    expect(h.fake.to(305).filter((m) => m.plain.includes("Cara memakai Migrasi Aman"))).toHaveLength(0);
    await h.stop();
    h = undefined;
    await again.close();
  });

  it("an update acknowledged but not handled before the process stopped is handled at the next start", async () => {
    const repos = createMemoryRepositories();
    const inbox = createDurableInbox(repos);
    const update = {
      update_id: 990001,
      message: { message_id: 1, date: 0, chat: { id: 306, type: "private" }, text: "menu" },
    } as Update;
    expect(await inbox.accept(update)).toBe(true);
    expect(await inbox.accept(update)).toBe(false);
    h = await startHarness({ webhook: true, repos });
    await h.until(() => h?.fake.to(306).length !== 0, "the pending update answered");
    await h.stop(); // drains the queue: the handled update leaves the inbox
    h = undefined;
    expect(await inbox.pending()).toEqual([]);
  });

  it("answers 503 once stopping, so Telegram delivers the update again later", async () => {
    h = await startHarness({ webhook: true });
    await h.telegram.stop();
    const res = await post(h, textUpdate(h, 304, "menu"), "s3cret-token");
    expect(res.status).toBe(503);
    expect(h.fake.to(304)).toHaveLength(0);
  });
});

describe("telegram webhook limits", () => {
  it("answers 413 (not 500) to a body over 1 MB", async () => {
    h = await startHarness({ webhook: true });
    const res = await h.app.request("/webhooks/telegram", {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "s3cret-token" },
      body: JSON.stringify({ update_id: 1, pad: "x".repeat(1024 * 1024 + 10) }),
    });
    expect(res.status).toBe(413);
  });
});
