import { describe, expect, it } from "vitest";
import { createWebApp } from "../../adapters/web/app";
import { makeBot } from "../helpers/make-bot";

const ORIGIN = "http://localhost";

async function setup() {
  const t = makeBot();
  await t.bot.services.officers.add("siti", "kata-sandi-panjang");
  const app = createWebApp(t.bot);
  const form = (path: string, body: Record<string, string>, headers: Record<string, string> = {}) =>
    app.request(`${ORIGIN}${path}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN, ...headers },
      body: new URLSearchParams(body).toString(),
    });
  const get = (path: string, cookie?: string) =>
    app.request(`${ORIGIN}${path}`, { headers: cookie ? { cookie } : {} });
  const login = async () => {
    const r = await form("/admin/login", { name: "siti", password: "kata-sandi-panjang" });
    expect(r.status).toBe(303);
    const set = r.headers.get("set-cookie") ?? "";
    expect(set).toMatch(/^__Secure-sid=/);
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Strict/);
    expect(set).toMatch(/Secure/);
    return set.split(";")[0]!;
  };
  return { t, app, form, get, login };
}

describe("officer console security", () => {
  it("every page needs a session: without one it sends the officer to log in", async () => {
    const { get, form } = await setup();
    for (const path of [
      "/admin",
      "/admin/broadcasts/new",
      "/admin/map",
      "/admin/map.csv",
      "/admin/reports",
      "/admin/broadcasts/x",
    ]) {
      const r = await get(path);
      expect(r.status, path).toBe(303);
      expect(r.headers.get("location")).toBe("/admin/login");
    }
    const post = await form("/admin/broadcasts", { text: "x" });
    expect(post.status).toBe(303);
    expect(post.headers.get("location")).toBe("/admin/login");
  });

  it("logs in, serves pages with a nonce CSP, logs out", async () => {
    const { get, form, login, t } = await setup();
    const cookie = await login();
    const home = await get("/admin", cookie);
    expect(home.status).toBe(200);
    const csp = home.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain("unsafe-inline");
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(await home.text()).toContain(`nonce="${nonce}"`);
    const out = await form("/admin/logout", {}, { cookie });
    expect(out.status).toBe(303);
    expect((await get("/admin", cookie)).status).toBe(303);
    const audit = t.store.collection<{ id: string; action: string; ok: boolean }>("officer-audit").all();
    expect(audit.map((a) => `${a.action}:${a.ok}`)).toEqual(["console-login:true", "console-logout:true"]);
  });

  it("a wrong password is refused, a tampered cookie is logged out", async () => {
    const { get, form, login } = await setup();
    const bad = await form("/admin/login", { name: "siti", password: "salah-sekali" });
    expect(bad.status).toBe(401);
    expect(bad.headers.get("set-cookie")).toBeNull();
    const cookie = await login();
    const [name, value] = cookie.split("=") as [string, string];
    const tampered = `${name}=${value.replace(/^./, (ch) => (ch === "a" ? "b" : "a"))}`;
    expect((await get("/admin", tampered)).status).toBe(303);
    expect((await get("/admin", cookie)).status).toBe(200);
  });

  it("a form from another origin gets 403", async () => {
    const { form, login, t } = await setup();
    const cookie = await login();
    const r = await form("/admin/broadcasts", { text: "x" }, { cookie, origin: "https://evil.example" });
    expect(r.status).toBe(403);
    expect(await t.bot.services.broadcasts.list()).toEqual([]);
  });

  it("the sixth quick wrong login gets 429, per account and per IP", async () => {
    const { form } = await setup();
    for (let i = 0; i < 5; i++)
      expect((await form("/admin/login", { name: "siti", password: `salah-${i}` })).status).toBe(401);
    expect((await form("/admin/login", { name: "siti", password: "kata-sandi-panjang" })).status).toBe(429);
    // The same IP ("local" here) is limited for another account too.
    expect((await form("/admin/login", { name: "budi", password: "apa-saja-12345" })).status).toBe(429);
  });

  it("a session expires after 8 idle hours, and a disabled account is logged out", async () => {
    const { get, login, t } = await setup();
    const cookie = await login();
    t.clock.advance(8 * 3_600_000 + 1000);
    expect((await get("/admin", cookie)).status).toBe(303);
    const again = await login();
    await t.bot.services.officers.disable("siti");
    expect((await get("/admin", again)).status).toBe(303);
  });

  it("the interest map shows small cells as <5 in the SVG and the CSV, without personal data", async () => {
    const { get, login, t } = await setup();
    for (let i = 0; i < 7; i++) {
      const few = i < 2;
      t.store.putUser({
        key: `telegram:9${i}`,
        channel: "telegram",
        chatId: `9${i}`,
        profile: {},
        consent: { subscriptions: "2026-11-01T00:00:00.000Z" },
        subscription: {
          region: {
            code: few ? "16.13" : "16.73",
            name: few ? "Kab. Musi Rawas Utara" : "Kota Lubuk Linggau",
          },
          destinations: ["taiwan"],
          sectors: [few ? "fishing" : "care"],
          lang: "id",
          since: "2026-11-01T00:00:00.000Z",
        },
        createdAt: "2026-11-01T00:00:00.000Z",
        lastSeenAt: "2026-11-01T00:00:00.000Z",
      });
    }
    const cookie = await login();
    const page = await (await get("/admin/map", cookie)).text();
    expect(page).toContain("<svg");
    expect(page).toContain("&lt;5");
    expect(page).not.toMatch(/<script/);
    const csv = await (await get("/admin/map.csv?table=sector", cookie)).text();
    expect(csv.split("\r\n")[0]).toBe(
      "region,care,domestic,manufacturing,construction,agriculture,hospitality,fishing,nursing,other",
    );
    expect(csv).toContain("Kota Lubuk Linggau,5,0,0,0,0,0,0,0,0");
    expect(csv).toContain("Kab. Musi Rawas Utara,0,0,0,0,0,0,<5,0,0");
    expect(csv).not.toMatch(/telegram|9\d/);
    const dest = await (await get("/admin/map.csv", cookie)).text();
    expect(dest).toContain("Kota Lubuk Linggau,0,5,");
  });
});
