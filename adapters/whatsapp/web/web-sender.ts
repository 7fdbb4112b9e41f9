import type { Logger } from "pino";
import type { Outbound } from "../../../bot/model";
import type { SendOutcome } from "../../../bot/sender";
import type { KeyValueRepository } from "../../../bot/store/repositories";
import type { StoppableSender } from "../stoppable-sender";
import type { WebClient } from "./web-client";

export interface WebSenderOptions {
  /** The ready client, if any (the supervisor's). */
  client: () => WebClient | undefined;
  /** The texts one Outbound becomes for this chat. */
  render: (message: Outbound, chatId: string) => string[] | Promise<string[]>;
  /** Where the day's count is kept (scope `whatsapp-web-sends`). */
  kv: KeyValueRepository;
  /** True once this chat id has written to the bot. */
  known: (chatId: string) => Promise<boolean>;
  log?: Logger;
  /** Mean time between two proactive messages, in ms (jittered ±50 %). */
  intervalMs: number;
  /** Most proactive messages per calendar day (UTC), kept across restarts. */
  dailyCap: number;
  now?: () => Date;
}

/** Errors after which sending the same message again cannot work. */
const PERMANENT = /invalid wid|wid error|not a valid|no lid for user|not registered/i;

/** How a failed sendMessage is handled: a dead page or a lost connection is transient. */
export function classifyWebError(err: unknown): { permanent: boolean; reason: string } {
  const message = (err as Error)?.message ?? String(err);
  return { permanent: PERMANENT.test(message), reason: message.slice(0, 200) };
}

interface DayDoc {
  id: string;
  day: string;
  count: number;
}

/**
 * The whatsapp-web.js Sender for proactive messages. Unofficial clients risk a ban, above
 * all for many messages to people who never wrote: so it sends one message at a time, a
 * few seconds apart with jitter, at most `dailyCap` a day, and only to people who wrote to
 * the bot first. Failures on a dead page are transient (the supervisor restarts the client).
 */
export function createWebSender(options: WebSenderOptions): StoppableSender {
  const now = options.now ?? (() => new Date());
  const SCOPE = "whatsapp-web-sends";
  let chain: Promise<unknown> = Promise.resolve();
  let lastAt = 0;
  let waiting = 0;
  let stopped = false;
  let wake: (() => void) | undefined;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  async function take(): Promise<boolean> {
    const day = now().toISOString().slice(0, 10);
    const doc = await options.kv.get<DayDoc>(SCOPE, "today");
    const count = doc?.day === day ? doc.count : 0;
    if (count >= options.dailyCap) return false;
    await options.kv.put<DayDoc>(SCOPE, "today", { id: "today", day, count: count + 1 });
    return true;
  }

  async function sendOne(chatId: string, message: Outbound): Promise<SendOutcome> {
    if (stopped) return { ok: false, permanent: false, reason: "stopped" };
    if (!(await options.known(chatId))) {
      return {
        ok: false,
        permanent: true,
        reason: "never wrote to the bot (whatsapp-web sends only to people who wrote first)",
      };
    }
    for (const text of await options.render(message, chatId)) {
      const gap = options.intervalMs * (0.5 + Math.random());
      const wait = lastAt + gap - Date.now();
      if (wait > 0) await pause(wait);
      if (stopped) return { ok: false, permanent: false, reason: "stopped" };
      const client = options.client();
      if (!client)
        return { ok: false, permanent: false, reason: "whatsapp not connected", retryAfterMs: 60_000 };
      if (!(await take())) {
        const midnight = new Date(now());
        midnight.setUTCHours(24, 0, 0, 0);
        const retryAfterMs = midnight.getTime() - now().getTime();
        return {
          ok: false,
          permanent: false,
          reason: `daily cap of ${options.dailyCap} reached`,
          retryAfterMs,
        };
      }
      lastAt = Date.now();
      try {
        await client.sendMessage(chatId, text);
      } catch (err) {
        const verdict = classifyWebError(err);
        options.log?.warn({ permanent: verdict.permanent }, "whatsapp send failed");
        return { ok: false, ...verdict };
      }
    }
    return { ok: true };
  }

  return {
    channel: "whatsapp",
    send(chatId, message) {
      waiting++;
      const result = chain.then(() => sendOne(chatId, message)).finally(() => waiting--);
      chain = result.catch(() => undefined);
      return result;
    },
    pending: () => waiting,
    async stop() {
      stopped = true;
      wake?.();
      await chain;
    },
  };
}
