import type { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import type { Services } from "../../bot/services";

/** `POST /api/inbox`: the page asks for messages held for its chat and confirms those it shows. */
const inboxRequestSchema = z.object({
  chat: z.string().regex(/^[\w.:-]{1,128}$/),
  /** Delivery ids of messages the page now shows (from an earlier answer). */
  ack: z.array(z.string().max(300)).max(100).optional(),
});

/** How long a message waits for its web page before it counts as failed ("not collected"). */
export const WEB_INBOX_DAYS = 14;

/**
 * The web channel's delivery: the page cannot be pushed to, so messages for web chats
 * (broadcasts, replies to reports) wait in the outbox until the page polls. A poll confirms
 * what the page has shown (recorded sent) and takes what is due (durably "sending", leased): a
 * message whose answer was lost on the way is handed over again and the page shows it once.
 */
export function addInboxRoutes(app: Hono, services: Services, badRequest: string): void {
  app.post("/api/inbox", bodyLimit({ maxSize: 64 * 1024 }), async (c) => {
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      return c.json({ error: badRequest }, 400);
    }
    const parsed = inboxRequestSchema.safeParse(raw);
    if (!parsed.success) return c.json({ error: badRequest }, 400);
    const { chat, ack } = parsed.data;
    const { dispatcher } = services;
    if (ack?.length) await dispatcher.confirm("web", chat, ack);
    const rows = await dispatcher.take("web", chat, 20);
    const messages = rows.map((r) => ({
      id: r.id,
      text: r.message.text,
      ...(r.message.choices ? { choices: r.message.choices } : {}),
    }));
    return c.json({ messages }, 200, { "cache-control": "no-store" });
  });
}

/** Fails web messages nobody collected within `days`, hourly, so a broadcast finishes. Returns a stop. */
export function startWebInboxExpiry(services: Services, days = WEB_INBOX_DAYS, intervalMs = 3_600_000) {
  const run = async () => {
    const now = services.clock();
    const cut = new Date(now.getTime() - days * 86_400_000);
    try {
      const expired = await services.outbox.expireQueued("web", cut, "not collected", now);
      if (expired.length) services.log.info({ expired: expired.length }, "web messages not collected");
    } catch (err) {
      services.log.error({ err }, "web inbox expiry failed");
    }
  };
  void run();
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
