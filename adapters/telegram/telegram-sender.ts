import type { Logger } from "pino";
import type { Outbound } from "../../bot/model";
import type { Sender, SendOutcome } from "../../bot/sender";
import { GateClosedError, RateGate, type Release } from "./rate-gate";

/** One sendMessage call as the adapter renders it (text plus options). */
export interface TelegramPart {
  text: string;
  [option: string]: unknown;
}

/** The slice of grammY's `Api` the sender needs. */
export interface TelegramSendApi {
  sendMessage(chatId: string, text: string, other?: Record<string, unknown>): Promise<unknown>;
}

export interface TelegramSenderOptions {
  api: TelegramSendApi;
  /** Renders an Outbound for one chat as sendMessage calls (the adapter's renderer). */
  render: (message: Outbound, chatId: string) => TelegramPart[] | Promise<TelegramPart[]>;
  log?: Logger;
  /** Most messages per second overall (Telegram: about 30). */
  perSecond?: number;
  /** Share of `perSecond` used for even spacing (the limit itself is never crossed). */
  pace?: number;
  /** Least time between two messages to one chat (Telegram: about 1 s). */
  perChatMs?: number;
  /** Attempts for 5xx and network errors before giving up. */
  maxAttempts?: number;
  /** First backoff delay in ms (doubled on each retry, with jitter). */
  backoffMs?: number;
  /** Longest 429 retry_after obeyed, in seconds; longer ones fail the send (not permanently). */
  maxRetryAfterS?: number;
  /** Called when a chat blocked the bot or no longer exists. */
  onUnreachable?: (chatId: string) => void;
}

/** How a failed call is handled. */
type Verdict =
  | { kind: "wait"; ms: number; reason: string }
  | { kind: "retry"; reason: string }
  | { kind: "fail"; permanent: boolean; blocked?: boolean; reason: string };

const UNREACHABLE =
  /blocked|chat not found|user is deactivated|bot was kicked|peer_id_invalid|not enough rights/i;

/** Classifies a grammY error (GrammyError has error_code; HttpError is the network). */
export function classifyTelegramError(err: unknown): Verdict {
  const e = err as { error_code?: unknown; description?: unknown; parameters?: { retry_after?: unknown } };
  if (typeof e?.error_code !== "number") {
    return { kind: "retry", reason: `network: ${(err as Error)?.message ?? String(err)}`.slice(0, 200) };
  }
  const description = typeof e.description === "string" ? e.description : "";
  const code = e.error_code;
  if (code === 429) {
    const after = Number(e.parameters?.retry_after ?? 1);
    return { kind: "wait", ms: Math.max(1, after) * 1000, reason: "429" };
  }
  if (code >= 500) return { kind: "retry", reason: `${code} ${description}` };
  if (code === 403 || UNREACHABLE.test(description)) {
    return { kind: "fail", permanent: true, blocked: true, reason: `${code} ${description}` };
  }
  return { kind: "fail", permanent: false, reason: `${code} ${description}` };
}

/** A Sender with `stop()`: refuses new sends, fails waiting ones, waits for those in flight. */
export interface StoppableSender extends Sender {
  /** Sends rendered parts as a reply: under the same gate (overall limit, chat order), no per-chat pause. */
  sendParts(chatId: string, parts: TelegramPart[], reply?: boolean): Promise<SendOutcome>;
  stop(): Promise<void>;
  /** Sends waiting for a slot. */
  pending(): number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The Telegram Sender for proactive messages. Every call waits for a slot of a rate
 * gate (overall and per-chat limits); a 429 pauses the whole gate for `retry_after`
 * and retries; 5xx and network errors retry with exponential backoff; 403 "blocked"
 * and "chat not found" fail permanently at once. A long message goes out in parts, in
 * order; if one part fails the rest are not sent.
 */
export function createTelegramSender(options: TelegramSenderOptions): StoppableSender {
  const gate = new RateGate({
    perSecond: options.perSecond ?? 30,
    pace: options.pace,
    perChatMs: options.perChatMs ?? 1010,
  });
  const maxAttempts = options.maxAttempts ?? 5;
  const backoffMs = options.backoffMs ?? 500;
  const maxRetryAfterMs = (options.maxRetryAfterS ?? 300) * 1000;
  const inFlight = new Set<Promise<unknown>>();
  let stopped = false;

  async function sendPart(chatId: string, part: TelegramPart, reply = false): Promise<SendOutcome> {
    const { text, ...other } = part;
    let failures = 0;
    let retry = false;
    for (;;) {
      let release: Release;
      try {
        release = await gate.acquire(chatId, retry, reply);
      } catch (err) {
        if (err instanceof GateClosedError) return { ok: false, permanent: false, reason: "stopped" };
        throw err;
      }
      const call = options.api.sendMessage(chatId, text, other).finally(release);
      inFlight.add(call);
      try {
        await call;
        return { ok: true };
      } catch (err) {
        const verdict = classifyTelegramError(err);
        if (verdict.kind === "fail") {
          if (verdict.permanent) options.onUnreachable?.(chatId);
          return {
            ok: false,
            permanent: verdict.permanent,
            blocked: verdict.blocked,
            reason: verdict.reason,
          };
        }
        failures++;
        if (failures >= maxAttempts * 2 || (verdict.kind === "retry" && failures >= maxAttempts)) {
          return { ok: false, permanent: false, reason: verdict.reason };
        }
        if (verdict.kind === "wait") {
          if (verdict.ms > maxRetryAfterMs)
            return { ok: false, permanent: false, reason: verdict.reason, retryAfterMs: verdict.ms };
          options.log?.warn({ retryAfterMs: verdict.ms }, "telegram 429: pausing sends");
          gate.pause(verdict.ms);
        } else {
          const delay = backoffMs * 2 ** (failures - 1) * (0.75 + Math.random() * 0.5);
          options.log?.warn(
            { reason: verdict.reason, attempt: failures, delayMs: Math.round(delay) },
            "telegram send retry",
          );
          await sleep(delay);
        }
        if (stopped) return { ok: false, permanent: false, reason: "stopped" };
        retry = true;
      } finally {
        inFlight.delete(call);
      }
    }
  }

  async function sendParts(chatId: string, parts: TelegramPart[], reply = false): Promise<SendOutcome> {
    if (stopped) return { ok: false, permanent: false, reason: "stopped" };
    for (const part of parts) {
      const outcome = await sendPart(chatId, part, reply);
      if (!outcome.ok) return outcome;
    }
    return { ok: true };
  }

  return {
    channel: "telegram",
    send: async (chatId, message) => sendParts(chatId, await options.render(message, chatId)),
    sendParts,
    pending: () => gate.pending(),
    async stop() {
      stopped = true;
      gate.close();
      await Promise.allSettled([...inFlight]);
    },
  };
}
