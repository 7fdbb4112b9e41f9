import { describe, expect, it } from "vitest";
import { createWebApp } from "../../adapters/web/app";
import type { Lang } from "../../bot/model";
import type { Destination, Sector } from "../../bot/subscriptions/types";
import { fakeOutbox } from "../helpers/fake-outbox";
import { makeBot } from "../helpers/make-bot";

function seed(
  t: ReturnType<typeof makeBot>,
  n: number,
  region: string,
  destinations: Destination[],
  sectors: Sector[],
  lang: Lang = "id",
) {
  for (let i = 0; i < n; i++) {
    const key = `telegram:${region}-${destinations[0]}-${sectors[0]}-${lang}-${i}`;
    t.store.putUser({
      key,
      channel: "telegram",
      chatId: key.slice(9),
      profile: {},
      consent: { subscriptions: "2026-11-01T00:00:00.000Z" },
      subscription: {
        region: { code: region === "LLG" ? "16.73" : "16.13", name: region },
        destinations,
        sectors,
        lang,
        since: "2026-11-01T00:00:00.000Z",
      },
      createdAt: "2026-11-01T00:00:00.000Z",
      lastSeenAt: "2026-11-01T00:00:00.000Z",
    });
  }
}

async function setup() {
  const t = makeBot();
  const fake = fakeOutbox();
  Object.assign(t.bot.services, { outbox: fake.outbox });
  await t.bot.services.officers.add("siti", "kata-sandi-panjang");
  const token = await t.bot.services.officers.issueToken("siti");
  const app = createWebApp(t.bot);
  const call = (method: string, path: string, body?: unknown, auth: string | null = `Bearer ${token}`) =>
    app.request(path, {
      method,
      headers: { ...(auth ? { authorization: auth } : {}), "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return { t, fake, token, call };
}

describe("officer API", () => {
  it("answers 401 on every route without a valid token and does nothing", async () => {
    const { t, fake, token, call } = await setup();
    seed(t, 3, "LLG", ["taiwan"], ["care"]);
    const wrong = [null, "Bearer nope", `Bearer ${token.slice(0, -2)}xx`, `Basic ${token}`, token];
    for (const auth of wrong) {
      for (const [method, path, body] of [
        ["POST", "/admin/api/broadcasts", { text: "hi" }],
        ["GET", "/admin/api/broadcasts/x", undefined],
        ["POST", "/admin/api/broadcasts/x/cancel", undefined],
        ["GET", "/admin/api/stats", undefined],
      ] as const) {
        const r = await call(method, path, body, auth);
        expect(r.status, `${auth} ${path}`).toBe(401);
      }
    }
    expect(fake.rows.size).toBe(0);
    expect(await t.bot.services.broadcasts.list()).toEqual([]);
  });

  it("a disabled officer's token stops working", async () => {
    const { t, call } = await setup();
    expect((await call("GET", "/admin/api/stats")).status).toBe(200);
    await t.bot.services.officers.disable("siti");
    expect((await call("GET", "/admin/api/stats")).status).toBe(401);
  });

  it("creates a broadcast for the audience: one outbox row per recipient, progress, cancel, audit", async () => {
    const { t, fake, call } = await setup();
    seed(t, 6, "LLG", ["taiwan"], ["care"]);
    seed(t, 4, "LLG", ["japan"], ["manufacturing"], "en");
    seed(t, 2, "Muratara", ["taiwan"], ["care"]);
    const r = await call("POST", "/admin/api/broadcasts", {
      text: "Pelatihan bahasa Mandarin gratis",
      audience: { region: "16.73", destination: "taiwan" },
      training: { title: "Bahasa Mandarin", date: "12 Januari 2027", quota: 30 },
    });
    expect(r.status).toBe(201);
    const { id, recipients } = (await r.json()) as { id: string; recipients: number };
    expect(recipients).toBe(6);
    expect(fake.rows.size).toBe(6);
    const first = [...fake.rows.values()][0]!;
    expect(first.message.text).toContain("Bahasa Mandarin");
    expect(first.message.text).toContain("DAFTAR");
    expect(first.message.text).toContain("berhenti");
    const p = await (await call("GET", `/admin/api/broadcasts/${id}`)).json();
    expect(p).toEqual({ status: "sending", total: 6, sent: 0, failed: 0, pending: 6 });
    const ids = [...fake.rows.keys()];
    fake.settle(ids[0]!, "sent");
    fake.settle(ids[1]!, "failed", "bad request");
    const c = await (await call("POST", `/admin/api/broadcasts/${id}/cancel`)).json();
    expect(c).toEqual({ status: "cancelled", total: 6, sent: 1, failed: 1, pending: 0 });
    expect([...fake.rows.values()].filter((x) => x.reason === "cancelled")).toHaveLength(4);
    const audit = t.store
      .collection<{ id: string; actor: string; action: string; where: string }>("officer-audit")
      .all();
    expect(audit.map((a) => a.action)).toEqual(["broadcast-create", "broadcast-cancel"]);
    expect(audit[0]).toMatchObject({ actor: "siti", where: expect.stringMatching(/^api /) });
  });

  it("English subscribers get the English frame; a language filter narrows the audience", async () => {
    const { t, fake, call } = await setup();
    seed(t, 2, "LLG", ["japan"], ["manufacturing"], "en");
    seed(t, 3, "LLG", ["japan"], ["care"], "id");
    const r = await (
      await call("POST", "/admin/api/broadcasts", { text: "Job fair", audience: { language: "en" } })
    ).json();
    expect(r.recipients).toBe(2);
    expect([...fake.rows.values()][0]!.message.text).toContain("Write *stop*");
    const s = await (
      await call("POST", "/admin/api/broadcasts", { text: "x", audience: { sector: "care" } })
    ).json();
    expect(s.recipients).toBe(3);
  });

  it("a scheduled broadcast waits, then fans out when due", async () => {
    const { t, fake, call } = await setup();
    seed(t, 3, "LLG", ["taiwan"], ["care"]);
    const at = new Date(t.clock().getTime() + 3_600_000).toISOString();
    const r = await (await call("POST", "/admin/api/broadcasts", { text: "Besok", scheduleAt: at })).json();
    expect(r.recipients).toBe(3);
    expect(fake.rows.size).toBe(0);
    expect((await (await call("GET", `/admin/api/broadcasts/${r.id}`)).json()).status).toBe("scheduled");
    expect(await t.bot.services.broadcasts.tick()).toBe(0);
    t.clock.advance(3_600_001);
    expect(await t.bot.services.broadcasts.tick()).toBe(1);
    expect(fake.rows.size).toBe(3);
  });

  it("rejects bad bodies with 400 and unknown broadcasts with 404", async () => {
    const { call } = await setup();
    expect((await call("POST", "/admin/api/broadcasts", { text: "" })).status).toBe(400);
    expect(
      (await call("POST", "/admin/api/broadcasts", { text: "x", audience: { destination: "mars" } })).status,
    ).toBe(400);
    expect((await call("GET", "/admin/api/broadcasts/nope")).status).toBe(404);
  });

  it("stats count subscribers by region, destination and sector, small counts as <5", async () => {
    const { t, call } = await setup();
    seed(t, 6, "LLG", ["taiwan"], ["care"]);
    seed(t, 2, "Muratara", ["japan"], ["care"]);
    const s = await (await call("GET", "/admin/api/stats")).json();
    expect(s).toEqual({
      subscribers: 8,
      byRegion: { LLG: 6, Muratara: "<5" },
      byDestination: { taiwan: 6, japan: "<5" },
      bySector: { care: 8 },
    });
    expect(JSON.stringify(s)).not.toContain("telegram:");
  });
});
