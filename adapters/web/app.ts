import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { compress } from "hono/compress";
import { secureHeaders } from "hono/secure-headers";
import type { HandleResult, Inbound } from "../../bot/model";
import { RateLimiter } from "../../bot/rate-limiter";
import type { Bot } from "../../bot/wiring";
import { createAdminApp } from "../admin/admin-app";
import { chatRequestSchema } from "./chat-request";
import { clientAddress } from "./client-address";
import { addInboxRoutes } from "./inbox";
import { createOnce } from "./once";
import { bubbleHtml, escapeHtml, renderPage } from "./page";

const PUBLIC_DIR = join(import.meta.dirname, "public");
const file = (name: string) => readFileSync(join(PUBLIC_DIR, name));

/** The page's own files: the shell a service worker keeps, and the icons of the installable app. */
const ASSETS: Record<string, string> = {
  "chat.js": "text/javascript; charset=utf-8",
  "icon.svg": "image/svg+xml",
  "icon-192.png": "image/png",
  "icon-512.png": "image/png",
};

/**
 * The web adapter: the chat page, `POST /api/chat` and `GET /healthz`. It translates
 * HTTP into Inbound and returns the core's replies as JSON; it never decides what to say.
 * Other adapters (Telegram webhooks, the officer console) add routes to the same app.
 */
export function createWebApp(bot: Bot): Hono {
  const { core, i18n, services } = bot;
  const t = i18n.getFixedT("id");
  // The CSS is inline (one round trip less on slow data), allowed by its hash: nothing else inline.
  const css = file("chat.css").toString("utf8");
  const cssHash = `'sha256-${createHash("sha256").update(css).digest("base64")}'`;
  // A new visitor sees the greeting at once, in the page itself (the core's menu and greeting).
  const greeting = { ...core.menu("id"), text: `${t("common:greeting")}\n\n${t("common:menuTitle")}` };
  const page = renderPage(join(PUBLIC_DIR, "index.html"), t, {
    greetingHtml: bubbleHtml(greeting),
    greetingJson: escapeHtml(JSON.stringify({ who: "bot", text: greeting.text, choices: greeting.choices })),
    maxChars: String(services.config.MAX_TEXT_CHARS),
  }).replace("<style></style>", () => `<style>${css}</style>`);
  const assets = new Map(Object.entries(ASSETS).map(([name, type]) => [name, { body: file(name), type }]));
  const version = createHash("sha256").update(page).update(file("chat.js")).digest("hex").slice(0, 12);
  const sw = file("sw.js").toString("utf8").replace("__VERSION__", version);
  const manifest = file("manifest.webmanifest");
  const once = createOnce<HandleResult>();

  // Rotating chat ids does not get around the per-chat limit: one address has its own limit too.
  // Over it, the core still answers danger messages and never slows keluar / exit / hapusdata.
  const perAddress = new RateLimiter(services.config.WEB_RATE_LIMIT_PER_MINUTE);

  const app = new Hono();
  const headers = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", cssHash],
      imgSrc: ["'self'", "data:"],
      connectSrc: ["'self'"],
      manifestSrc: ["'self'"],
      workerSrc: ["'self'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      objectSrc: ["'none'"],
    },
    referrerPolicy: "no-referrer",
  });
  // The officer console sets its own headers (a nonce CSP).
  const compressed = compress();
  app.use("*", (c, next) => (c.req.path.startsWith("/admin") ? next() : headers(c, next)));
  app.use("*", (c, next) => (c.req.path.startsWith("/admin") ? next() : compressed(c, next)));
  app.route("/admin", createAdminApp(bot));

  app.get("/", (c) => c.html(page, 200, { "cache-control": "no-cache" }));
  app.get("/assets/:name", (c) => {
    // A Map: /assets/__proto__ and friends are simply not found.
    const asset = assets.get(c.req.param("name"));
    if (!asset) return c.notFound();
    return c.body(asset.body, 200, { "content-type": asset.type, "cache-control": "public, max-age=300" });
  });
  app.get("/manifest.webmanifest", (c) =>
    c.body(manifest, 200, {
      "content-type": "application/manifest+json",
      "cache-control": "public, max-age=300",
    }),
  );
  app.get("/sw.js", (c) =>
    c.body(sw, 200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-cache" }),
  );

  // 503 while the store cannot save (full disk, read-only folder), until a save succeeds.
  app.get("/healthz", (c) => {
    const store = services.repos.health();
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
      const inbound: Inbound = {
        throttled: !perAddress.take(address, performance.now()),
        channel: "web",
        chatId: body.chat,
        text: body.text,
        choice: body.choice,
        location: body.location,
        at: new Date(),
      };
      const result = await once(body.id && `${body.chat}:${body.id}`, async () => {
        // The page greeted on its own: the person has started, so the answer brings no second greeting.
        if (body.start)
          await core.handle({ channel: "web", chatId: body.chat, text: "/start", at: inbound.at });
        return core.handle(inbound);
      });
      return c.json({ replies: result.replies, meta: result.meta });
    },
  );

  addInboxRoutes(app, services, t("web:badRequest"));

  app.onError((err, c) => {
    services.log.error({ err, path: c.req.path }, "web request failed");
    return c.json({ error: t("common:error") }, 500);
  });

  return app;
}
