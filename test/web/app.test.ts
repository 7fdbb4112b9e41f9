import { describe, expect, it } from "vitest";
import { createWebApp } from "../../adapters/web/app";
import { makeBot } from "../helpers/make-bot";

function post(app: ReturnType<typeof createWebApp>, body: unknown) {
  return app.request("/api/chat", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

describe("web adapter", () => {
  it("serves the page with a strict Content-Security-Policy", async () => {
    const app = createWebApp(makeBot().bot);
    const res = await app.request("/");
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('<html lang="id">');
    expect(html).toContain("Keluar cepat");
    expect(html).not.toMatch(/<script>(?!<)/);
    expect((await app.request("/assets/chat.js")).status).toBe(200);
    expect((await app.request("/assets/nope.js")).status).toBe(404);
    for (const name of ["__proto__", "constructor", "toString", "hasOwnProperty"]) {
      expect((await app.request(`/assets/${name}`)).status).toBe(404);
    }
    // Light on patchy data: compressed, the CSS inline (allowed by its hash alone), the greeting in the page.
    const gz = await app.request("/", { headers: { "accept-encoding": "gzip" } });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(csp).toMatch(/style-src 'self' 'sha256-[\w+/=]+'/);
    expect(html).toContain('<div class="msg bot">Halo! Saya <strong>Migrasi Aman</strong>');
    expect(html).not.toContain("maxlength");
    for (const path of ["/manifest.webmanifest", "/sw.js", "/assets/icon-192.png", "/assets/icon-512.png"]) {
      expect((await app.request(path)).status, path).toBe(200);
    }
  });

  it("counts a message sent again after a lost answer once, and never greets twice", async () => {
    const made = makeBot();
    const texts: (string | undefined)[] = [];
    const handle = made.bot.core.handle;
    made.bot.core.handle = (inbound) => {
      texts.push(inbound.text);
      return handle(inbound);
    };
    const app = createWebApp(made.bot);
    const body = { chat: "again", id: "m1", text: "brp biaya jd tkw?", start: true };
    const first = (await (await post(app, body)).json()) as { replies: { text: string }[] };
    const again = (await (await post(app, body)).json()) as { replies: { text: string }[] };
    expect(again).toEqual(first);
    expect(texts).toEqual(["/start", "brp biaya jd tkw?"]);
    expect(first.replies.some((r) => r.text.includes("Halo! Saya"))).toBe(false);
    expect(made.store.getUser("web:again")).toBeDefined();
  });

  it("answers POST /api/chat with replies and meta", async () => {
    const app = createWebApp(makeBot().bot);
    const res = await post(app, { chat: "web-1", text: "menu" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      replies: { text: string; choices?: { id: string }[] }[];
      meta: { flow: string };
    };
    expect(body.meta.flow).toBe("menu");
    expect(body.replies[0]?.choices?.map((c) => c.id)).toContain("menu:faq");
    const pick = (await (await post(app, { chat: "web-1", choice: "menu:language" })).json()) as {
      meta: { flow: string };
    };
    expect(pick.meta.flow).toBe("language");
  });

  it("rejects bad bodies with 400 and a 1 MB body with 413", async () => {
    const app = createWebApp(makeBot().bot);
    expect((await post(app, "{nope")).status).toBe(400);
    expect((await post(app, { chat: "", text: "x" })).status).toBe(400);
    expect((await post(app, { chat: "ok" })).status).toBe(400);
    expect((await post(app, { chat: "../../etc", text: "x" })).status).toBe(400);
    const big = JSON.stringify({ chat: "big", text: "a".repeat(1024 * 1024) });
    expect((await post(app, big)).status).toBe(413);
  });

  it("slows a flooding chat politely while other chats go on", async () => {
    const app = createWebApp(makeBot({ env: { RATE_LIMIT_PER_MINUTE: "20" } }).bot);
    let limited = 0;
    for (let i = 0; i < 30; i++) {
      const body = (await (await post(app, { chat: "flood", text: "menu" })).json()) as {
        meta: { limited?: boolean };
      };
      if (body.meta.limited) limited++;
    }
    expect(limited).toBeGreaterThan(10);
    const calm = (await (await post(app, { chat: "calm", text: "menu" })).json()) as {
      meta: { limited?: boolean };
    };
    expect(calm.meta.limited).toBeUndefined();
  });

  it("reports health", async () => {
    const res = await createWebApp(makeBot().bot).request("/healthz");
    expect(res.status).toBe(200);
    expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
  });
});
