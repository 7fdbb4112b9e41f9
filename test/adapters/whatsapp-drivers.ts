import { type Choice, userKey } from "../../bot/model";
import type { Store } from "../../bot/store/types";
import type { Bot } from "../../bot/wiring";
import { incoming, startCloudHarness, textOf } from "../whatsapp/cloud-harness";
import { startWebHarness, until } from "../whatsapp/web-harness";
import type { AdapterDriver, DriverInput, SeenReply } from "./drivers";
import { visible } from "./drivers";

/** The choices the core offered a person last, to give numbered labels their ids back. */
function offered(bot: Bot, store: Store, key: string): Choice[] {
  const saved = store.getSession(key)?.choices;
  // The main menu too: a reply may carry it before the choices the core saved last.
  const menu = bot.core.menu(store.getUser(key)?.lang ?? "id").choices ?? [];
  return Array.isArray(saved) ? [...saved, ...menu] : menu;
}

/**
 * A text as the person reads it on WhatsApp: the trailing "1. … / Balas 1, 2 atau 3"
 * block is the choices (ids from what the core offered, as a person's number would map).
 */
function readNumbered(text: string, hints: string[], known: Choice[]): SeenReply {
  const lines = text.split("\n");
  const hintAt = lines.findLastIndex((l) => hints.some((h) => l.startsWith(h)));
  const choices: Choice[] = [];
  let body = text;
  if (hintAt > 0) {
    let first = hintAt - 1;
    while (first >= 0 && lines[first] === "") first--;
    const end = first;
    while (first >= 0 && /^\d+\. /.test(lines[first]!)) first--;
    for (const line of lines.slice(first + 1, end + 1)) {
      const label = line.replace(/^\d+\. /, "");
      choices.push({ id: known.find((c) => c.label === label)?.id ?? `label:${label}`, label });
    }
    body = lines.slice(0, first + 1).join("\n");
  }
  return { text: visible(body), choices, askLocation: false };
}

const WEB_MEDIA = {
  photo: "image",
  voice: "ptt",
  video: "video",
  document: "document",
  sticker: "sticker",
  other: "vcard",
};

/** whatsapp-web.js through the real adapter, driving the fake client as a person would. */
export async function whatsappWebDriver(): Promise<AdapterDriver> {
  const h = await startWebHarness();
  const bot = h.test.bot;
  const hints = ["id", "en"].map(
    (l) => bot.i18n.getFixedT(l)("whatsapp:replyNumbers", { numbers: "" }).split(" ")[0]!,
  );
  const last = new Map<string, SeenReply[]>();
  let handled = 0;
  const chatId = (chat: string) => `62${chat}@c.us`;
  return {
    supports: { media: true, location: true },
    store: h.test.store,
    i18n: bot.i18n,
    userKey: (chat) => userKey("whatsapp", chatId(chat)),
    async send(chat, input: DriverInput) {
      const id = chatId(chat);
      const client = h.fakes.last();
      const before = client.sent.length;
      if ("text" in input) client.deliver(id, input.text);
      else if ("choice" in input) {
        const seen = (last.get(id) ?? []).flatMap((r) => r.choices);
        const n = seen.findIndex((c) => c.id === input.choice);
        client.deliver(id, n >= 0 ? String(n + 1) : input.choice);
      } else if ("location" in input) {
        client.deliver(id, "", {
          type: "location",
          location: { latitude: input.location.lat, longitude: input.location.lon },
        });
      } else client.deliver(id, "", { type: WEB_MEDIA[input.media], hasMedia: true });
      await h.handled(++handled);
      const key = userKey("whatsapp", id);
      const known = offered(bot, h.test.store, key);
      const replies = client.sent
        .slice(before)
        .filter((s) => s.chatId === id)
        .map((s) => readNumbered(s.text, hints, known));
      last.set(id, replies);
      return replies;
    },
    stop: () => h.stop(),
  };
}

type Interactive = {
  type: string;
  body?: { text: string };
  action: {
    buttons?: { reply: { id: string; title: string } }[];
    sections?: { rows: { id: string; title: string; description?: string }[] }[];
  };
};

/** The Cloud API through its signed webhook and the fake Graph API. */
export async function whatsappCloudDriver(): Promise<AdapterDriver> {
  const h = await startCloudHarness();
  const bot = h.test.bot;
  const hints = ["id", "en"].map(
    (l) => bot.i18n.getFixedT(l)("whatsapp:replyNumbers", { numbers: "" }).split(" ")[0]!,
  );
  const last = new Map<string, SeenReply[]>();
  let handled = 0;
  const phone = (chat: string) => `62${chat}`;
  return {
    supports: { media: true, location: true },
    store: h.test.store,
    i18n: bot.i18n,
    userKey: (chat) => userKey("whatsapp", `ID.${phone(chat)}00`),
    async send(chat, input: DriverInput) {
      const to = phone(chat);
      const before = h.graph.to(to).length;
      let message: Record<string, unknown>;
      if ("text" in input) message = textOf(input.text);
      else if ("choice" in input) {
        const seen = (last.get(to) ?? []).flatMap((r) => r.choices);
        const n = seen.findIndex((c) => c.id === input.choice);
        message =
          n >= 0 && seen[n]!.id.startsWith("label:")
            ? textOf(String(n + 1))
            : {
                type: "interactive",
                interactive: {
                  type: "button_reply",
                  button_reply: { id: input.choice, title: seen[n]?.label ?? "" },
                },
              };
      } else if ("location" in input) {
        message = {
          type: "location",
          location: { latitude: input.location.lat, longitude: input.location.lon },
        };
      } else {
        const type = {
          photo: "image",
          voice: "audio",
          video: "video",
          document: "document",
          sticker: "sticker",
          other: "contacts",
        }[input.media];
        message = { type, [type]: { id: "media-1" } };
      }
      const res = await h.post(incoming(to, message));
      if (res.status !== 200) throw new Error(`POST /webhooks/whatsapp answered ${res.status}`);
      await h.handled(++handled);
      await until(() => h.wa.sender.pending() === 0, "the replies");
      const key = userKey("whatsapp", `ID.${to}00`);
      const known = offered(bot, h.test.store, key);
      const replies = h.graph
        .to(to)
        .slice(before)
        .map((call): SeenReply => {
          const body = call.body as { type: string; text?: { body: string }; interactive?: Interactive };
          if (body.type === "text") return readNumbered(body.text!.body, hints, known);
          const i = body.interactive!;
          const choices = [
            ...(i.action.buttons ?? []).map((b) => ({ id: b.reply.id, label: b.reply.title })),
            ...(i.action.sections ?? []).flatMap((s) =>
              s.rows.map((r) => ({ id: r.id, label: r.description ?? r.title })),
            ),
          ];
          return {
            text: visible(i.body?.text ?? ""),
            choices,
            askLocation: i.type === "location_request_message",
          };
        });
      last.set(to, replies);
      return replies;
    },
    stop: () => h.stop(),
  };
}
