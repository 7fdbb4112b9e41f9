import { timingSafeEqual } from "node:crypto";
import type { Update } from "grammy/types";
import type { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { DurableInbox } from "./durable-inbox";
import type { UpdateQueue } from "./update-queue";

/** Where Telegram posts updates in webhook mode (CONTRACTS.md). */
export const WEBHOOK_PATH = "/webhooks/telegram";

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Adds `POST /webhooks/telegram` to the web app. The secret token header must match
 * (401 otherwise, nothing done); a valid update is made durable (the inbox), queued and
 * acknowledged, so the handler never does long work and Telegram never re-sends because we
 * were slow. A save that fails answers 500: Telegram delivers the update again.
 */
export function mountWebhook(app: Hono, secret: string, queue: UpdateQueue, inbox: DurableInbox): void {
  app.post(
    WEBHOOK_PATH,
    bodyLimit({ maxSize: 1024 * 1024, onError: (c) => c.json({ ok: false }, 413) }),
    async (c) => {
      if (!sameSecret(c.req.header("x-telegram-bot-api-secret-token") ?? "", secret)) {
        return c.json({ ok: false }, 401);
      }
      let update: Update;
      try {
        update = (await c.req.json()) as Update;
      } catch {
        return c.json({ ok: false }, 400);
      }
      if (typeof update !== "object" || update === null || !Number.isSafeInteger(update.update_id)) {
        return c.json({ ok: false }, 400);
      }
      if (!queue.accepting()) return c.json({ ok: false }, 503);
      let first: boolean;
      try {
        first = await inbox.accept(update);
      } catch {
        return c.json({ ok: false }, 500);
      }
      if (first) queue.push(update);
      return c.json({ ok: true });
    },
  );
}
