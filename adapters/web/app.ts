import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { RateLimiter } from "../../bot/rate-limiter";
import type { Bot } from "../../bot/wiring";
import { createAdminApp } from "../admin/admin-app";
import { chatRequestSchema } from "./chat-request";
import { clientAddress } from "./client-address";
import { renderPage } from "./page";

const PUBLIC_DIR = join(import.meta.dirname, "public");

/** Content-Security-Policy the page satisfies: nothing inline, nothing from elsewhere. */
const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", "data:"],
  connectSrc: ["'self'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  objectSrc: ["'none'"],
};

/**
 * The web adapter: the chat page, `POST /api/chat` and `GET /healthz`. It translates
 * HTTP into Inbound and returns the core's replies as JSON; it never decides what to say.
 * Other adapters (Telegram webhooks, the officer console) add routes to the same app.
 */
export function createWebApp(bot: Bot): Hono {
  const { core, i18n, services } = bot;
  const t = i18n.getFixedT("id");
  const page = renderPage(join(PUBLIC_DIR, "index.html"), t);
  const assets: Record<string, { body: string; type: string }> = {
    "chat.js": {
      body: readFileSync(join(PUBLIC_DIR, "chat.js"), "utf8"),
      type: "text/javascript; charset=utf-8",
    },
    "chat.css": { body: readFileSync(join(PUBLIC_DIR, "chat.css"), "utf8"), type: "text/css; charset=utf-8" },
  };

  // Rotating chat ids does not get around the per-chat limit: one address has its own limit too.
  // Over it, the core still answers danger messages and never slows keluar / exit / hapusdata.
  const perAddress = new RateLimiter(services.config.WEB_RATE_LIMIT_PER_MINUTE);

  const app = new Hono();
  const headers = secureHeaders({ contentSecurityPolicy: CSP, referrerPolicy: "no-referrer" });
  // The officer console sets its own headers (a nonce CSP).
  app.use("*", (c, next) => (c.req.path.startsWith("/admin") ? next() : headers(c, next)));
  app.route("/admin", createAdminApp(bot));

  app.get("/", (c) => c.html(page));
  app.get("/assets/:name", (c) => {
    const name = c.req.param("name");
    const asset = Object.hasOwn(assets, name) ? assets[name] : undefined;
    if (!asset) return c.notFound();
    return c.body(asset.body, 200, { "content-type": asset.type, "cache-control": "public, max-age=300" });
  });

  // 503 while the store cannot save (full disk, read-only folder), until a save succeeds.
  app.get("/healthz", (c) => {
    const store = services.store.health();
    const uptime_s = Math.round(process.uptime());
    if (!store.ok) return c.json({ ok: false, reason: store.reason, since: store.since, uptime_s }, 503);
    return c.json({ ok: true, uptime_s });
  });

  app.post(
    "/api/chat",
    bodyLimit({ maxSize: 1024 * 1024, onError: (c) => c.json({ error: t("web:tooLarge") }, 413) }),
    async (c) => {
      let raw: unknown;
      try {
        raw = await c.req.json();
      } catch {
        return c.json({ error: t("web:badRequest") }, 400);
      }
      const parsed = chatRequestSchema.safeParse(raw);
      if (!parsed.success) return c.json({ error: t("web:badRequest") }, 400);
      const body = parsed.data;
      const address = clientAddress(c, services.config.TRUST_PROXY);
      const result = await core.handle({
        throttled: !perAddress.take(address, performance.now()),
        channel: "web",
        chatId: body.chat,
        text: body.text,
        choice: body.choice,
        location: body.location,
        at: new Date(),
      });
      return c.json({ replies: result.replies, meta: result.meta });
    },
  );

  app.onError((err, c) => {
    services.log.error({ err, path: c.req.path }, "web request failed");
    return c.json({ error: t("common:error") }, 500);
  });

  return app;
}
