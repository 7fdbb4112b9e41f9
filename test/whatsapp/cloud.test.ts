import { afterEach, describe, expect, it } from "vitest";
import { renderCloud } from "../../adapters/whatsapp/cloud/cloud-render";
import { classifyGraphError, THROTTLING_CODES } from "../../adapters/whatsapp/cloud/cloud-sender";
import { GraphError } from "../../adapters/whatsapp/cloud/graph-client";
import { signBody } from "../../adapters/whatsapp/cloud/signature";
import { userKey } from "../../bot/model";
import { MENU_ENTRIES } from "../helpers/make-bot";
import {
  APP_SECRET,
  type CloudHarness,
  envelope,
  incoming,
  startCloudHarness,
  textOf,
  VERIFY_TOKEN,
} from "./cloud-harness";
import { until } from "./web-harness";

let h: CloudHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const PHONE = "6281234500001";
const BSUID = `ID.${PHONE}00`;
const t = (key: string, opts?: Record<string, unknown>) => h!.test.bot.i18n.getFixedT("id")(key, opts);

describe("WhatsApp Cloud API webhook", () => {
  it("answers Meta's GET handshake only with the right verify token", async () => {
    h = await startCloudHarness();
    const ok = await h.app.request(
      `/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`,
    );
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("1158201444");
    const wrong = await h.app.request(
      "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1",
    );
    expect(wrong.status).toBe(403);
    const mode = await h.app.request(
      `/webhooks/whatsapp?hub.mode=unsubscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1`,
    );
    expect(mode.status).toBe(403);
  });

  it("verifies X-Hub-Signature-256 over the raw bytes, not re-serialised JSON", async () => {
    h = await startCloudHarness();
    // The \u2728 escape is lost when the body is parsed and serialised again.
    const raw = JSON.stringify(incoming(PHONE, textOf("menu"))).replace('"menu"', '"menu \\u2728"');
    expect(JSON.stringify(JSON.parse(raw))).not.toBe(raw);
    expect(
      (await h.post(null, { raw, signature: signBody(JSON.stringify(JSON.parse(raw)), APP_SECRET) })).status,
    ).toBe(401);
    expect((await h.post(null, { raw, signature: null })).status).toBe(401);
    expect((await h.post(null, { raw, signature: signBody(raw, "another-secret") })).status).toBe(401);
    expect((await h.post(null, { raw, signature: "sha256=zz" })).status).toBe(401);
    expect(h.graph.requests).toBe(0);
    expect((await h.post(null, { raw })).status).toBe(200);
    await h.handled(1);
    expect(h.graph.to(PHONE).length).toBeGreaterThan(0);
  });

  it("keys a person by the BSUID, keeps the phone, and replies to the phone; to the BSUID when no phone", async () => {
    h = await startCloudHarness();
    await h.post(incoming(PHONE, textOf("halo")));
    await h.handled(1);
    expect(h.test.store.getUser(userKey("whatsapp", BSUID))).toBeDefined();
    expect(h.test.store.getUser(userKey("whatsapp", PHONE))).toBeUndefined();
    expect(h.graph.to(PHONE).length).toBeGreaterThan(0);
    const text = h.graph
      .to(PHONE)
      .map((c) => JSON.stringify(c.body))
      .join();
    expect(text).toContain(JSON.stringify(t("common:greeting")).slice(1, 40));
    await h.post(incoming(null, textOf("halo"), { userId: "US.13491208655302741918" }));
    await h.handled(2);
    const bs = h.graph.to("US.13491208655302741918");
    expect(bs.length).toBeGreaterThan(0);
    expect(bs[0]!.body.to).toBeUndefined();
  });

  it("forgets the kept phone number on hapusdata", async () => {
    h = await startCloudHarness();
    const contacts = h.test.store.collection("whatsapp-cloud-contacts");
    await h.post(incoming(PHONE, textOf("hapusdata")));
    await h.handled(1);
    expect(contacts.get(BSUID)).toMatchObject({ phone: PHONE });
    const ask = h.graph.to(PHONE).at(-1)!.body.interactive as {
      action: { buttons: { reply: { id: string } }[] };
    };
    expect(ask.action.buttons.map((b) => b.reply.id)).toContain("privacy:yes");
    await h.post(
      incoming(PHONE, {
        type: "interactive",
        interactive: { type: "button_reply", button_reply: { id: "privacy:yes", title: "Ya" } },
      }),
    );
    await h.handled(2);
    expect(contacts.get(BSUID)).toBeUndefined();
    expect(h.test.store.getUser(userKey("whatsapp", BSUID))).toBeUndefined();
  });

  it("handles a delivery repeated by Meta once", async () => {
    h = await startCloudHarness();
    const payload = incoming(PHONE, textOf("bantuan"), { id: "wamid.DUP1" });
    expect((await h.post(payload)).status).toBe(200);
    expect((await h.post(payload)).status).toBe(200);
    await h.handled(1);
    await new Promise((r) => setTimeout(r, 100));
    const n = h.graph.to(PHONE).length;
    await h.post(incoming(PHONE, textOf("menu")));
    await h.handled(2);
    expect(h.graph.to(PHONE).length).toBeGreaterThan(n);
    expect(h.graph.sent.filter((c) => JSON.stringify(c.body).includes("Cara memakai"))).toHaveLength(1);
  });

  it("sends the menu as a list, picks from a list or a button reply, and asks for a location", async () => {
    h = await startCloudHarness();
    await h.post(incoming(PHONE, textOf("menu")));
    await h.handled(1);
    const list = h.graph.to(PHONE).find((c) => c.body.type === "interactive")!;
    const interactive = list.body.interactive as {
      type: string;
      action: { sections: { rows: { id: string; title: string }[] }[] };
    };
    expect(interactive.type).toBe("list");
    const rows = interactive.action.sections[0]!.rows;
    expect(rows.map((r) => r.id)).toEqual(MENU_ENTRIES.map((e) => `menu:${e}`));
    expect(rows.every((r) => Array.from(r.title).length <= 24)).toBe(true);
    await h.post(
      incoming(PHONE, {
        type: "interactive",
        interactive: { type: "list_reply", list_reply: { id: "menu:language", title: "Bahasa" } },
      }),
    );
    await h.handled(2);
    const buttons = h.graph.to(PHONE).at(-1)!.body.interactive as {
      type: string;
      action: { buttons: { reply: { id: string } }[] };
    };
    expect(buttons.type).toBe("button");
    expect(buttons.action.buttons.map((b) => b.reply.id)).toEqual(expect.arrayContaining(["language:en"]));
    await h.post(
      incoming(PHONE, {
        type: "interactive",
        context: { id: "wamid.X" },
        interactive: { type: "button_reply", button_reply: { id: "language:en", title: "English" } },
      }),
    );
    await h.handled(3);
    expect(h.test.store.getUser(userKey("whatsapp", BSUID))?.lang).toBe("en");
  });

  it("reads a shared location and media", async () => {
    h = await startCloudHarness();
    await h.post(
      incoming(PHONE, { type: "location", location: { latitude: -3.29, longitude: 102.86, name: "x" } }),
    );
    await h.handled(1);
    expect(h.graph.to(PHONE).length).toBeGreaterThan(0);
    await h.post(incoming("6281234500002", { type: "image", image: { id: "m1", mime_type: "image/jpeg" } }));
    await h.handled(2);
    expect(JSON.stringify(h.graph.to("6281234500002").map((c) => c.body))).toContain(
      t("common:media").slice(0, 30),
    );
  });

  it("records delivery statuses against the messages sent", async () => {
    h = await startCloudHarness();
    await h.post(incoming(PHONE, textOf("bantuan")));
    await h.handled(1);
    const wamid = h.graph.to(PHONE)[0]!.wamid;
    expect((await h.wa.statusOf(wamid))?.status).toBe("accepted");
    await h.post(
      envelope({ statuses: [{ id: wamid, status: "delivered", timestamp: "1", recipient_id: PHONE }] }),
    );
    expect((await h.wa.statusOf(wamid))?.status).toBe("delivered");
    await h.post(
      envelope({
        statuses: [
          {
            id: wamid,
            status: "failed",
            timestamp: "2",
            recipient_id: PHONE,
            errors: [{ code: 131047, title: "Re-engagement message" }],
          },
        ],
      }),
    );
    expect(await h.wa.statusOf(wamid)).toMatchObject({ status: "failed", errorCode: 131047 });
    expect(JSON.stringify(h.test.store.collection("whatsapp-cloud-statuses").all())).not.toContain(wamid);
  });

  it("hands each status to the outbox with the delivery id its message was sent for", async () => {
    const seen: [string, string | undefined][] = [];
    h = await startCloudHarness({ extra: { onStatus: (s, delivery) => seen.push([s.status, delivery]) } });
    const send = h.wa.sender.send as (
      c: string,
      m: { text: string },
      o: { deliveryId: string },
    ) => Promise<unknown>;
    await send(
      "6281234500007",
      { text: "kabar" },
      { deliveryId: "report-reply:MA-1|whatsapp:6281234500007" },
    );
    const wamid = h.graph.to("6281234500007")[0]!.wamid;
    await h.post(
      envelope({ statuses: [{ id: wamid, status: "read", timestamp: "3", recipient_id: "6281234500007" }] }),
    );
    expect(seen).toEqual([["read", "report-reply:MA-1|whatsapp:6281234500007"]]);
  });
});

describe("WhatsApp Cloud API through the outbox", () => {
  it("sends an outbox row through the Cloud sender and records a later failed status against the row", async () => {
    h = await startCloudHarness();
    const { outbox, dispatcher, clock } = h.test.bot.services;
    const [row] = await outbox.enqueue(
      [
        {
          effect: "report-reply:MA-TEST1",
          kind: "report-reply",
          channel: "whatsapp",
          chatId: "6281234500008",
          message: { text: "Balasan petugas" },
        },
      ],
      clock(),
    );
    dispatcher.kick();
    await until(() => h!.graph.to("6281234500008").length === 1, "the outbox send");
    await dispatcher.idle();
    expect((await outbox.get(row!.id))?.status).toBe("sent");
    const wamid = h.graph.to("6281234500008")[0]!.wamid;
    await h.post(
      envelope({
        statuses: [
          {
            id: wamid,
            status: "failed",
            timestamp: "4",
            recipient_id: "6281234500008",
            errors: [{ code: 131026 }],
          },
        ],
      }),
    );
    expect(await outbox.get(row!.id)).toMatchObject({
      status: "failed",
      reason: "whatsapp status failed 131026",
    });
  });
});

describe("WhatsApp Cloud API sender", () => {
  it("renders text, buttons, a list, numbered text past 10 choices, a location request and 4,096-character parts", async () => {
    h = await startCloudHarness();
    const t = h.test.bot.i18n.getFixedT("id");
    const three = [1, 2, 3].map((i) => ({ id: `x:${i}`, label: `Nomor ${i}: pilihan yang sangat panjang` }));
    const b = renderCloud({ text: "Pilih", choices: three }, t);
    expect(b).toHaveLength(1);
    const btns = (b[0]!.interactive as { action: { buttons: { reply: { title: string } }[] } }).action
      .buttons;
    expect(btns.map((x) => Array.from(x.reply.title).length)).toEqual([20, 20, 20]);
    const same = [1, 2, 3].map((i) => ({ id: `y:${i}`, label: `Pilihan yang sangat panjang nomor ${i}` }));
    const asList = renderCloud({ text: "Pilih", choices: same }, t)[0]!.interactive as {
      type: string;
      action: { sections: { rows: { description?: string }[] }[] };
    };
    expect(asList.type).toBe("list");
    expect(asList.action.sections[0]!.rows[2]!.description).toBe("Pilihan yang sangat panjang nomor 3");
    const eleven = Array.from({ length: 11 }, (_, i) => ({ id: `x:${i}`, label: `L${i}` }));
    const numbered = renderCloud({ text: "Pilih", choices: eleven }, t);
    expect(numbered).toEqual([
      { type: "text", text: { preview_url: false, body: expect.stringContaining("11. L10") } },
    ]);
    const loc = renderCloud({ text: "Kirim lokasi", askLocation: true }, t);
    expect(loc[0]).toMatchObject({
      type: "interactive",
      interactive: { type: "location_request_message", action: { name: "send_location" } },
    });
    const long = renderCloud({ text: `${"kata ".repeat(2000)}` }, t);
    expect(long.length).toBe(3);
    for (const part of long) expect((part.text as { body: string }).body.length).toBeLessThanOrEqual(4096);
  });

  it("pauses and retries on throttling, fails permanently on other errors", async () => {
    h = await startCloudHarness();
    h.graph.failNext(2, { status: 400, code: 130429 });
    expect(await h.wa.sender.send("6281234500003", { text: "satu" })).toEqual({ ok: true });
    expect(h.graph.to("6281234500003")).toHaveLength(1);
    h.graph.failNext(1, { status: 400, code: 131056 });
    expect(await h.wa.sender.send("6281234500003", { text: "dua" })).toEqual({ ok: true });
    h.graph.failNext(1, { status: 400, code: 131026, details: "Message undeliverable" });
    expect(await h.wa.sender.send("6281234500003", { text: "tiga" })).toMatchObject({
      ok: false,
      permanent: true,
      reason: expect.stringContaining("131026"),
    });
    for (const code of THROTTLING_CODES)
      expect(classifyGraphError(new GraphError(400, code, "x")).kind).toBe("throttle");
    expect(classifyGraphError(new GraphError(400, 131047, "x")).kind).toBe("window");
    expect(classifyGraphError(new GraphError(400, 100, "x")).kind).toBe("permanent");
    expect(classifyGraphError(new TypeError("fetch failed")).kind).toBe("retry");
  });

  it("on 131047 (window closed) sends the approved template, and says the message was not delivered", async () => {
    h = await startCloudHarness({
      env: { WHATSAPP_CLOUD_TEMPLATE_NAME: "info_pelatihan", WHATSAPP_CLOUD_TEMPLATE_LANG: "id" },
    });
    h.graph.failNext(1, { status: 400, code: 131047, details: "More than 24 hours have passed" });
    const outcome = await h.wa.sender.send("6281234500004", { text: "kabar" });
    expect(outcome).toMatchObject({
      ok: false,
      permanent: true,
      reason: expect.stringContaining("template sent"),
    });
    expect(h.graph.to("6281234500004").map((c) => c.body)).toEqual([
      expect.objectContaining({
        type: "template",
        template: { name: "info_pelatihan", language: { code: "id" } },
      }),
    ]);
  });

  it("without a template, 131047 fails the send and sends nothing", async () => {
    h = await startCloudHarness();
    h.graph.failNext(1, { status: 400, code: 131047 });
    expect(await h.wa.sender.send("6281234500005", { text: "kabar" })).toMatchObject({
      ok: false,
      permanent: true,
    });
    await until(() => true, "");
    expect(h.graph.to("6281234500005")).toHaveLength(0);
  });
});
