import type { i18n } from "i18next";
import { createWebApp } from "../../adapters/web/app";
import type { Choice, MediaKind } from "../../bot/model";
import type { Store } from "../../bot/store/types";
import { makeBot } from "../helpers/make-bot";
import { startHarness } from "../telegram/harness";
import { whatsappCloudDriver, whatsappWebDriver } from "./whatsapp-drivers";

/** What a person can send through an adapter. */
export type DriverInput =
  | { text: string }
  | { choice: string }
  | { location: { lat: number; lon: number } }
  | { media: MediaKind };

/** A reply as the person sees it: text without markup, the buttons offered, a location request. */
export interface SeenReply {
  text: string;
  choices: Choice[];
  askLocation: boolean;
}

/** Drives one channel adapter from the outside, as a person would. */
export interface AdapterDriver {
  /** Which inputs the channel can carry. */
  supports: { media: boolean; location: boolean };
  send(chat: string, input: DriverInput): Promise<SeenReply[]>;
  store: Store;
  i18n: i18n;
  /** The store key of a person, when it is not `<driver name>:<chat>`. */
  userKey?: (chat: string) => string;
  stop(): Promise<void>;
}

/** The core's light markup as a person reads it. */
export const visible = (text: string) => text.replace(/\*(?=\S)([^*\n]*?\S)\*/g, "$1");

/** The web adapter through its Hono app: `POST /api/chat`. */
async function webDriver(): Promise<AdapterDriver> {
  const { bot, store } = makeBot();
  const app = createWebApp(bot);
  return {
    supports: { media: false, location: true },
    store,
    i18n: bot.i18n,
    async send(chat, input) {
      const res = await app.request("/api/chat", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ chat, ...input }),
      });
      if (res.status !== 200) throw new Error(`POST /api/chat answered ${res.status}`);
      const body = (await res.json()) as {
        replies: { text: string; choices?: Choice[]; askLocation?: boolean }[];
      };
      return body.replies.map((r) => ({
        text: visible(r.text),
        choices: r.choices ?? [],
        askLocation: !!r.askLocation,
      }));
    },
    stop: async () => {},
  };
}

/** The Telegram adapter through grammY, long polling a fake Bot API server over HTTP. */
async function telegramDriver(): Promise<AdapterDriver> {
  const h = await startHarness();
  const { fake } = h;
  return {
    supports: { media: true, location: true },
    store: h.test.store,
    i18n: h.test.bot.i18n,
    async send(chat, input) {
      const before = fake.to(chat).length;
      let update: ReturnType<typeof fake.push>;
      if ("text" in input) update = fake.text(chat, input.text);
      else if ("choice" in input) update = fake.callback(chat, input.choice);
      else if ("location" in input) {
        update = fake.message(chat, {
          location: { latitude: input.location.lat, longitude: input.location.lon },
        });
      } else {
        const file = { file_id: "f", file_unique_id: "f" };
        const fields: Record<string, Record<string, unknown>> = {
          photo: { photo: [{ ...file, width: 1, height: 1 }] },
          voice: { voice: { ...file, duration: 1 } },
          video: { video: { ...file, width: 1, height: 1, duration: 1 } },
          document: { document: file },
          sticker: {
            sticker: { ...file, type: "regular", width: 1, height: 1, is_animated: false, is_video: false },
          },
          other: { dice: { emoji: "🎲", value: 3 } },
        };
        update = fake.message(chat, fields[input.media]!);
      }
      await h.deliver(update);
      return fake
        .to(chat)
        .slice(before)
        .map((m) => {
          const inline = m.reply_markup?.inline_keyboard?.flat() ?? [];
          const keys = m.reply_markup?.keyboard?.flat() ?? [];
          const choices = inline.map((b) => ({ id: b.callback_data ?? "", label: b.text }));
          return {
            text: m.plain,
            choices: [
              ...choices,
              ...keys
                .filter((k) => !k.request_location)
                .map((k) => ({ id: `label:${k.text}`, label: k.text })),
            ],
            askLocation: keys.some((k) => k.request_location),
          };
        });
    },
    stop: () => h.stop(),
  };
}

/** Every channel adapter the contract suite runs against. */
export const DRIVERS: {
  name: string;
  /** Which inputs the channel can carry (known before it starts). */
  supports: AdapterDriver["supports"];
  start: () => Promise<AdapterDriver>;
}[] = [
  { name: "web", supports: { media: false, location: true }, start: webDriver },
  { name: "telegram", supports: { media: true, location: true }, start: telegramDriver },
  { name: "whatsapp-web", supports: { media: true, location: true }, start: whatsappWebDriver },
  { name: "whatsapp-cloud", supports: { media: true, location: true }, start: whatsappCloudDriver },
];
