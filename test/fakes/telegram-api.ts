import { EventEmitter } from "node:events";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Update } from "grammy/types";
import { Hono } from "hono";

/** An error the fake answers instead of the real result. */
export interface FakeError {
  error_code: number;
  description: string;
  retry_after?: number;
}

/** One API call the fake received, with what it answered. */
export interface FakeRequest {
  method: string;
  payload: Record<string, unknown>;
  /** `performance.now()` when the call arrived. */
  at: number;
  status: number;
}

/** A message the bot sent (accepted by the fake). */
export interface SentMessage {
  message_id: number;
  chat_id: string;
  /** The text as sent (HTML when parse_mode is HTML). */
  text: string;
  /** The text a person sees: tags removed, entities decoded. */
  plain: string;
  parse_mode?: string;
  reply_markup?: {
    inline_keyboard?: { text: string; callback_data?: string; url?: string }[][];
    keyboard?: { text: string; request_location?: boolean }[][];
    remove_keyboard?: boolean;
  };
  at: number;
}

export interface FakeTelegramOptions {
  token?: string;
  /** Most sendMessage calls accepted in any 1-second window; more get 429 with retry_after. */
  perSecond?: number;
  /** Least time between two messages to one chat, in ms; faster ones get 429. */
  perChatMs?: number;
  username?: string;
}

const ALLOWED_TAGS = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "a",
  "code",
  "pre",
]);
const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

/** Checks Telegram HTML like the real server and returns the visible text, or an error text. */
export function parseTelegramHtml(html: string): { plain: string } | { error: string } {
  let plain = "";
  const open: string[] = [];
  for (let i = 0; i < html.length; i++) {
    const ch = html[i]!;
    if (ch === "<") {
      const end = html.indexOf(">", i);
      const m = end > 0 ? /^<(\/?)([a-z-]+)(?:\s[^<>]*)?>$/.exec(html.slice(i, end + 1)) : null;
      if (!m || !ALLOWED_TAGS.has(m[2]!)) return { error: `Unsupported start tag at byte offset ${i}` };
      if (m[1]) {
        if (open.pop() !== m[2]) return { error: `Unmatched end tag at byte offset ${i}` };
      } else open.push(m[2]!);
      i = end;
    } else if (ch === "&") {
      const m = /^&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/i.exec(html.slice(i, i + 12));
      if (!m) return { error: `Unsupported entity at byte offset ${i}` };
      const name = m[1]!;
      plain += name.startsWith("#")
        ? String.fromCodePoint(
            name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1)),
          )
        : ENTITIES[name.toLowerCase()]!;
      i += m[0].length - 1;
    } else if (ch === ">") {
      return { error: `Unexpected end tag at byte offset ${i}` };
    } else plain += ch;
  }
  if (open.length) return { error: "Can't find end tag corresponding to start tag" };
  return { plain };
}

/**
 * A fake Telegram Bot API server on 127.0.0.1 for tests and benchmarks. The real grammY
 * talks to it over HTTP (`POST /bot<token>/<method>`). It keeps an update queue for
 * getUpdates (long polling), records every call, checks HTML and text length like
 * Telegram, can enforce rate limits (429 + retry_after), answer 403 for blocked chats,
 * 400 for unknown chats, 409 for a competing poller, and fail chosen calls on demand.
 */
export async function startFakeTelegram(options: FakeTelegramOptions = {}) {
  const token = options.token ?? "123456:TEST-token";
  const botId = Number(token.split(":")[0]);
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const requests: FakeRequest[] = [];
  const sent: SentMessage[] = [];
  const updates: Update[] = [];
  const waiters = new Set<() => void>();
  const failures = new Map<string, FakeError[]>();
  const blocked = new Set<string>();
  const unknownChats = new Set<string>();
  const commands = new Map<string, { command: string; description: string }[]>();
  const callbackAnswers: string[] = [];
  const windowTimes: number[] = [];
  const lastPerChat = new Map<string, number>();
  const state = {
    nextUpdateId: 1,
    nextMessageId: 1,
    nextCallbackId: 1,
    conflict: false,
    rateLimited: 0,
    webhook: { url: "", secret: "" },
    perSecond: options.perSecond ?? 0,
    perChatMs: options.perChatMs ?? 0,
  };
  const changed = () => events.emit("change");

  function rateCheck(chatId: string, now: number): FakeError | undefined {
    if (state.perSecond > 0) {
      while (windowTimes.length && windowTimes[0]! <= now - 1000) windowTimes.shift();
      if (windowTimes.length >= state.perSecond) {
        return {
          error_code: 429,
          description: "Too Many Requests: retry after 1",
          retry_after: Math.max(1, Math.ceil((windowTimes[0]! + 1000 - now) / 1000)),
        };
      }
    }
    const last = lastPerChat.get(chatId);
    if (state.perChatMs > 0 && last !== undefined && now - last < state.perChatMs) {
      return { error_code: 429, description: "Too Many Requests: retry after 1", retry_after: 1 };
    }
    return undefined;
  }

  function sendMessage(p: Record<string, unknown>, now: number): unknown {
    const chatId = String(p.chat_id ?? "");
    if (!chatId || unknownChats.has(chatId)) {
      throw { error_code: 400, description: "Bad Request: chat not found" } satisfies FakeError;
    }
    if (blocked.has(chatId)) {
      throw { error_code: 403, description: "Forbidden: bot was blocked by the user" } satisfies FakeError;
    }
    const text = typeof p.text === "string" ? p.text : "";
    let plain = text;
    if (p.parse_mode === "HTML") {
      const parsed = parseTelegramHtml(text);
      if ("error" in parsed) {
        throw { error_code: 400, description: `Bad Request: can't parse entities: ${parsed.error}` };
      }
      plain = parsed.plain;
    }
    if (!plain.trim()) throw { error_code: 400, description: "Bad Request: message text is empty" };
    if (plain.length > 4096) throw { error_code: 400, description: "Bad Request: message is too long" };
    const limited = rateCheck(chatId, now);
    if (limited) {
      state.rateLimited++;
      throw limited;
    }
    if (state.perSecond > 0) windowTimes.push(now);
    lastPerChat.set(chatId, now);
    const message: SentMessage = {
      message_id: state.nextMessageId++,
      chat_id: chatId,
      text,
      plain,
      parse_mode: typeof p.parse_mode === "string" ? p.parse_mode : undefined,
      reply_markup: p.reply_markup as SentMessage["reply_markup"],
      at: now,
    };
    sent.push(message);
    return {
      message_id: message.message_id,
      date: Math.floor(Date.now() / 1000),
      chat: { id: Number(chatId), type: "private", first_name: "Test" },
      text: plain,
    };
  }

  async function getUpdates(p: Record<string, unknown>, signal: AbortSignal): Promise<unknown> {
    if (state.conflict) {
      throw {
        error_code: 409,
        description:
          "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
      } satisfies FakeError;
    }
    if (state.webhook.url) {
      throw { error_code: 409, description: "Conflict: can't use getUpdates method while webhook is active" };
    }
    const offset = Number(p.offset ?? 0);
    const limit = Math.min(100, Math.max(1, Number(p.limit ?? 100)));
    const timeoutMs = Math.min(Number(p.timeout ?? 0), 30) * 1000;
    if (offset > 0) while (updates.length && updates[0]!.update_id < offset) updates.shift();
    if (updates.length === 0 && timeoutMs > 0 && !signal.aborted) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiters.delete(done);
          signal.removeEventListener("abort", done);
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        waiters.add(done);
        signal.addEventListener("abort", done);
      });
    }
    return updates.slice(0, limit);
  }

  function handle(method: string, p: Record<string, unknown>, now: number, signal: AbortSignal) {
    const queued = failures.get(method)?.shift();
    if (queued) throw queued;
    switch (method) {
      case "getMe":
        return {
          id: botId,
          is_bot: true,
          first_name: "Migrasi Aman Test",
          username: options.username ?? "migrasi_aman_test_bot",
          can_join_groups: true,
          can_read_all_group_messages: false,
          supports_inline_queries: false,
        };
      case "getUpdates":
        return getUpdates(p, signal);
      case "sendMessage":
        return sendMessage(p, now);
      case "answerCallbackQuery":
        callbackAnswers.push(String(p.callback_query_id));
        return true;
      case "setMyCommands":
        commands.set(String(p.language_code ?? ""), p.commands as { command: string; description: string }[]);
        return true;
      case "getMyCommands":
        return commands.get(String(p.language_code ?? "")) ?? [];
      case "deleteWebhook":
        state.webhook = { url: "", secret: "" };
        return true;
      case "setWebhook":
        state.webhook = { url: String(p.url ?? ""), secret: String(p.secret_token ?? "") };
        return true;
      case "getWebhookInfo":
        return {
          url: state.webhook.url,
          has_custom_certificate: false,
          pending_update_count: updates.length,
        };
      case "sendChatAction":
      case "editMessageReplyMarkup":
        return true;
      default:
        throw { error_code: 404, description: "Not Found: method not found" } satisfies FakeError;
    }
  }

  const app = new Hono();
  app.post("/bot:token/:method", async (c) => {
    const at = performance.now();
    const method = c.req.param("method");
    let payload: Record<string, unknown> = {};
    try {
      const body = await c.req.text();
      if (body) payload = JSON.parse(body) as Record<string, unknown>;
    } catch {
      return c.json({ ok: false, error_code: 400, description: "Bad Request: invalid JSON" }, 400);
    }
    const record: FakeRequest = { method, payload, at, status: 200 };
    const reply = (status: number, body: unknown) => {
      record.status = status;
      requests.push(record);
      changed();
      return c.json(body as object, status as 200);
    };
    if (c.req.param("token") !== token) {
      return reply(401, { ok: false, error_code: 401, description: "Unauthorized" });
    }
    try {
      const result = await handle(method, payload, at, c.req.raw.signal);
      return reply(200, { ok: true, result });
    } catch (err) {
      const e = err as FakeError;
      if (typeof e?.error_code !== "number") throw err;
      const parameters = e.retry_after ? { retry_after: e.retry_after } : undefined;
      return reply(e.error_code, {
        ok: false,
        error_code: e.error_code,
        description: e.description,
        parameters,
      });
    }
  });

  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;

  function chatOf(chatId: string | number, type = "private") {
    const id = Number(chatId);
    return type === "private"
      ? { id, type: "private" as const, first_name: "Test" }
      : { id, type: type as "group", title: "Test group" };
  }
  function fromOf(chatId: string | number, lang = "id") {
    return { id: Math.abs(Number(chatId)), is_bot: false, first_name: "Test", language_code: lang };
  }

  const fake = {
    token,
    apiRoot: `http://127.0.0.1:${port}`,
    requests,
    sent,
    callbackAnswers,
    commands,
    blocked,
    unknownChats,
    get rateLimited() {
      return state.rateLimited;
    },
    get webhook() {
      return state.webhook;
    },
    /** Every further getUpdates answers 409 (another process polls the same token). */
    setConflict(on: boolean) {
      state.conflict = on;
    },
    setRateLimit(perSecond: number, perChatMs = state.perChatMs) {
      state.perSecond = perSecond;
      state.perChatMs = perChatMs;
    },
    /** The next `times` calls of `method` answer `error`. */
    failNext(method: string, error: FakeError, times = 1) {
      const list = failures.get(method) ?? [];
      for (let i = 0; i < times; i++) list.push(error);
      failures.set(method, list);
    },
    /** Queues an update for getUpdates; returns it (with its update_id). */
    push(update: Omit<Update, "update_id">): Update {
      const full = { update_id: state.nextUpdateId++, ...update } as Update;
      updates.push(full);
      for (const w of [...waiters]) w();
      changed();
      return full;
    },
    /** Builds (without queueing) a message update from a chat. */
    messageUpdate(
      chatId: string | number,
      fields: Record<string, unknown>,
      opts: { chatType?: string; lang?: string } = {},
    ): Omit<Update, "update_id"> {
      const text = fields.text;
      const entities =
        typeof text === "string" && text.startsWith("/")
          ? [{ type: "bot_command", offset: 0, length: text.split(/\s/)[0]!.length }]
          : undefined;
      return {
        message: {
          message_id: state.nextMessageId++,
          date: Math.floor(Date.now() / 1000),
          chat: chatOf(chatId, opts.chatType),
          from: fromOf(chatId, opts.lang),
          ...(entities ? { entities } : {}),
          ...fields,
        },
      } as unknown as Omit<Update, "update_id">;
    },
    text(chatId: string | number, text: string, opts: { chatType?: string; lang?: string } = {}) {
      return fake.push(fake.messageUpdate(chatId, { text }, opts));
    },
    message(chatId: string | number, fields: Record<string, unknown>, opts: { chatType?: string } = {}) {
      return fake.push(fake.messageUpdate(chatId, fields, opts));
    },
    callbackUpdate(chatId: string | number, data: string): Omit<Update, "update_id"> {
      return {
        callback_query: {
          id: String(state.nextCallbackId++),
          from: fromOf(chatId),
          chat_instance: `ci-${chatId}`,
          data,
          message: {
            message_id: state.nextMessageId++,
            date: Math.floor(Date.now() / 1000),
            chat: chatOf(chatId),
            text: "menu",
          },
        },
      } as unknown as Omit<Update, "update_id">;
    },
    callback(chatId: string | number, data: string) {
      return fake.push(fake.callbackUpdate(chatId, data));
    },
    memberUpdate(chatId: string | number, status: "kicked" | "member", chatType = "private") {
      const bot = { id: botId, is_bot: true, first_name: "Migrasi Aman Test" };
      return fake.push({
        my_chat_member: {
          chat: chatOf(chatId, chatType),
          from: fromOf(chatId),
          date: Math.floor(Date.now() / 1000),
          old_chat_member: { status: status === "kicked" ? "member" : "left", user: bot },
          new_chat_member:
            status === "kicked"
              ? { status: "kicked", user: bot, until_date: 0 }
              : { status: "member", user: bot },
        },
      } as unknown as Omit<Update, "update_id">);
    },
    /** Messages sent to one chat, in order. */
    to(chatId: string | number): SentMessage[] {
      return sent.filter((m) => m.chat_id === String(chatId));
    },
    calls(method: string): FakeRequest[] {
      return requests.filter((r) => r.method === method);
    },
    /**
     * Resolves with the first truthy value of `check`, re-checked after every call the
     * fake answers; rejects after `timeoutMs` naming `what`.
     */
    waitFor<T>(check: () => T | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const test = () => {
          const v = check();
          if (v) {
            cleanup();
            resolve(v);
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`fake Telegram: timed out waiting for ${what}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          events.off("change", test);
        };
        events.on("change", test);
        test();
      });
    },
    async close(): Promise<void> {
      for (const w of [...waiters]) w();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
    },
  };
  return fake;
}

export type FakeTelegram = Awaited<ReturnType<typeof startFakeTelegram>>;
