import { createHash, timingSafeEqual } from "node:crypto";
import type { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Logger } from "pino";
import type { Config } from "../../../bot/config";
import { DEFAULT_LANG } from "../../../bot/model";
import type { Doc } from "../../../bot/store/types";
import type { Bot } from "../../../bot/wiring";
import { createChatQueue } from "../chat-queue";
import { createSeenIds } from "../seen-ids";
import { type CloudMessage, type CloudStatus, readWebhook } from "./cloud-inbound";
import { renderCloud } from "./cloud-render";
import { type CloudSender, createCloudSender } from "./cloud-sender";
import { createGraphClient, type Recipient } from "./graph-client";
import { validSignature } from "./signature";

/** Where Meta calls the bot (CONTRACTS.md). */
export const CLOUD_WEBHOOK_PATH = "/webhooks/whatsapp";

/** Cloud API start-up cannot go on: the message names the missing variables. */
export class WhatsAppStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WhatsAppStartError";
  }
}

/**
 * The phone of a person keyed by their business-scoped user id, for replies `to` the phone.
 * `channel` and `chatId` name the person, so `hapusdata` erases it too.
 */
interface ContactDoc extends Doc {
  phone: string;
  channel: "whatsapp";
  chatId: string;
}

/** The last status Meta reported for a message the bot sent (keyed by a hash of its wamid). */
export interface StatusDoc extends Doc {
  status: string;
  at: string;
  errorCode?: number;
  /** The outbox delivery id the message was sent for, when the outbox sent it. */
  delivery?: string;
}

export interface StartWhatsAppCloudOptions {
  bot: Bot;
  app: Hono;
  config: Config;
  log: Logger;
  fetch?: typeof fetch;
  /** Called after each incoming message is fully handled (tests, benchmarks). */
  onHandled?: (messageId: string) => void;
  /** Called for each status Meta reports, with the outbox delivery id it belongs to (the outbox records it). */
  onStatus?: (status: CloudStatus, deliveryId: string | undefined) => void;
  /** Sender overrides (tests shorten the backoff). */
  sender?: { backoffMs?: number; maxAttempts?: number; perChatMs?: number };
}

export interface WhatsAppCloudHandle {
  mode: "cloud";
  sender: CloudSender;
  /** The last status of a sent message by its wamid. */
  statusOf(wamid: string): Promise<StatusDoc | undefined>;
  stop(): Promise<void>;
}

const hashId = (id: string) => createHash("sha256").update(id).digest("hex").slice(0, 32);

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const REQUIRED = [
  "WHATSAPP_CLOUD_TOKEN",
  "WHATSAPP_CLOUD_PHONE_ID",
  "WHATSAPP_CLOUD_APP_SECRET",
  "WHATSAPP_CLOUD_VERIFY_TOKEN",
] as const;

/**
 * Starts the bot on the WhatsApp Cloud API: `GET /webhooks/whatsapp` answers Meta's
 * handshake, `POST` checks the signature over the raw bytes, acknowledges at once and
 * queues the messages (each wamid handled once, durably); replies and proactive messages
 * go through one rate-gated Sender. Call it before the web server listens.
 */
export async function startWhatsAppCloud(options: StartWhatsAppCloudOptions): Promise<WhatsAppCloudHandle> {
  const { bot, app, config, log } = options;
  const missing = REQUIRED.filter((k) => !config[k]);
  if (missing.length) {
    throw new WhatsAppStartError(
      `WHATSAPP_MODE=cloud needs ${missing.join(", ")} (see .env.example and the README).`,
    );
  }
  const { core, i18n, services } = bot;
  const { kv } = services.repos;
  const CONTACTS = "whatsapp-cloud-contacts";
  const STATUSES = "whatsapp-cloud-statuses";
  const contacts = {
    get: (id: string) => kv.get<ContactDoc>(CONTACTS, id),
    put: (doc: ContactDoc) => kv.put(CONTACTS, doc.id, doc),
  };
  const statuses = {
    get: (id: string) => kv.get<StatusDoc>(STATUSES, id),
    put: (doc: StatusDoc) => kv.put(STATUSES, doc.id, doc),
  };
  const seen = createSeenIds(services.repos.seen, "whatsapp-cloud-seen");
  const tFor = async (chatId: string) =>
    i18n.getFixedT((await bot.people.lang("whatsapp", chatId)) ?? DEFAULT_LANG);
  const recipient = async (chatId: string): Promise<Recipient> => {
    const phone = (await contacts.get(chatId))?.phone;
    if (phone) return { to: phone };
    return /^[A-Z]{2}\./.test(chatId) ? { recipient: chatId } : { to: chatId };
  };
  const STATUS_KEEP_MS = 30 * 24 * 3600_000;
  let nextPrune = 0;
  const record = async (
    wamid: string,
    status: string,
    errorCode?: number,
    delivery?: string,
  ): Promise<StatusDoc> => {
    const now = Date.now();
    if (now >= nextPrune) {
      nextPrune = now + 3600_000;
      for (const d of await kv.all<StatusDoc>(STATUSES))
        if (Date.parse(d.value.at) < now - STATUS_KEEP_MS) await kv.delete(STATUSES, d.id);
    }
    const id = hashId(wamid);
    const known = (await statuses.get(id))?.delivery ?? delivery;
    const doc: StatusDoc = {
      id,
      status,
      at: new Date(now).toISOString(),
      ...(errorCode !== undefined ? { errorCode } : {}),
      ...(known ? { delivery: known } : {}),
    };
    await statuses.put(doc);
    return doc;
  };

  const sender = createCloudSender({
    graph: createGraphClient({
      apiRoot: config.WHATSAPP_CLOUD_API_ROOT,
      version: config.WHATSAPP_CLOUD_API_VERSION,
      phoneId: config.WHATSAPP_CLOUD_PHONE_ID!,
      token: config.WHATSAPP_CLOUD_TOKEN!,
      fetch: options.fetch,
    }),
    render: async (message, chatId) => renderCloud(message, await tFor(chatId)),
    recipient,
    perSecond: config.WHATSAPP_CLOUD_RATE,
    template: config.WHATSAPP_CLOUD_TEMPLATE_NAME
      ? { name: config.WHATSAPP_CLOUD_TEMPLATE_NAME, lang: config.WHATSAPP_CLOUD_TEMPLATE_LANG }
      : undefined,
    log,
    onSent: (wamid, _chatId, deliveryId) => record(wamid, "accepted", undefined, deliveryId),
    ...options.sender,
  });
  services.senders.set("whatsapp", sender);
  services.dispatcher.kick();

  const queue = createChatQueue((err) =>
    log.error({ err: (err as Error)?.message }, "whatsapp cloud message failed"),
  );
  let accepting = true;

  function handleMessage(m: CloudMessage) {
    const chatId = m.inbound.chatId;
    queue.push(chatId, async () => {
      if (!(await seen.first(m.id))) return;
      try {
        if (m.phone && m.phone !== chatId && (await contacts.get(chatId))?.phone !== m.phone)
          await contacts.put({ id: chatId, phone: m.phone, channel: "whatsapp", chatId });
        const result = await core.handle(m.inbound);
        const t = await tFor(chatId);
        for (const out of result.replies) {
          const outcome = await sender.sendBodies(chatId, renderCloud(out, t), { reply: true });
          if (!outcome.ok) {
            log.warn({ reason: outcome.reason }, "whatsapp cloud reply failed");
            break;
          }
        }
      } finally {
        options.onHandled?.(m.id);
      }
    });
  }

  app.get(CLOUD_WEBHOOK_PATH, (c) => {
    const mode = c.req.query("hub.mode");
    const token = c.req.query("hub.verify_token") ?? "";
    const challenge = c.req.query("hub.challenge") ?? "";
    if (mode !== "subscribe" || !sameSecret(token, config.WHATSAPP_CLOUD_VERIFY_TOKEN!))
      return c.text("forbidden", 403);
    return c.text(challenge, 200);
  });

  app.post(CLOUD_WEBHOOK_PATH, bodyLimit({ maxSize: 3 * 1024 * 1024 }), async (c) => {
    const raw = new Uint8Array(await c.req.arrayBuffer());
    if (!validSignature(raw, c.req.header("x-hub-signature-256"), config.WHATSAPP_CLOUD_APP_SECRET!)) {
      return c.text("invalid signature", 401);
    }
    if (!accepting) return c.text("stopping", 503);
    let payload: unknown;
    try {
      payload = JSON.parse(new TextDecoder().decode(raw));
    } catch {
      return c.text("bad json", 400);
    }
    const { messages, statuses: reported } = readWebhook(payload);
    for (const m of messages) handleMessage(m);
    for (const s of reported) {
      const doc = await record(s.id, s.status, s.errorCode);
      // Meta accepted it (the row is "sent"), then could not deliver it: the outbox row records that.
      if (s.status === "failed" && doc.delivery) {
        const reason = `whatsapp status failed${s.errorCode ? ` ${s.errorCode}` : ""}`;
        await services.outbox.record(doc.delivery, { status: "failed", reason }, services.clock());
      }
      options.onStatus?.(s, doc.delivery);
    }
    return c.text("ok", 200);
  });

  log.info("whatsapp: cloud api webhook at /webhooks/whatsapp");
  let stopped = false;
  return {
    mode: "cloud",
    sender,
    statusOf: (wamid) => statuses.get(hashId(wamid)),
    async stop() {
      if (stopped) return;
      stopped = true;
      accepting = false;
      await queue.drain();
      await sender.stop();
      if (services.senders.get("whatsapp") === sender) services.senders.delete("whatsapp");
    },
  };
}
