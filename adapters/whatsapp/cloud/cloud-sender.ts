import type { Logger } from "pino";
import type { Outbound } from "../../../bot/model";
import type { SendOutcome } from "../../../bot/sender";
import { GateClosedError, RateGate, type Release } from "../../telegram/rate-gate";
import type { StoppableSender } from "../stoppable-sender";
import type { GraphBody } from "./cloud-render";
import { type GraphClient, GraphError, type Recipient } from "./graph-client";

/** Meta's throttling codes (courier's list): pause and retry. 131056 is per recipient. */
export const THROTTLING_CODES = [4, 80007, 130429, 131048, 131056, 133016];
/** The 24-hour customer-service window has closed: only an approved template may be sent. */
export const WINDOW_CLOSED = 131047;

export type GraphVerdict =
  | { kind: "throttle"; scope: "all" | "recipient"; reason: string }
  | { kind: "window"; reason: string }
  | { kind: "retry"; reason: string }
  | { kind: "permanent"; reason: string };

/** How a failed Graph call is handled. Everything not throttling, 5xx or network is permanent. */
export function classifyGraphError(err: unknown): GraphVerdict {
  if (!(err instanceof GraphError))
    return { kind: "retry", reason: `network: ${(err as Error)?.message ?? err}`.slice(0, 200) };
  const reason = `${err.code ?? err.status} ${err.details}`.slice(0, 200);
  if (err.code === WINDOW_CLOSED) return { kind: "window", reason };
  if (err.code !== undefined && THROTTLING_CODES.includes(err.code)) {
    return { kind: "throttle", scope: err.code === 131056 ? "recipient" : "all", reason };
  }
  if (err.status === 429) return { kind: "throttle", scope: "all", reason };
  if (err.status >= 500 && err.code === undefined) return { kind: "retry", reason };
  return { kind: "permanent", reason };
}

export interface CloudSenderOptions {
  graph: GraphClient;
  render: (message: Outbound, chatId: string) => GraphBody[] | Promise<GraphBody[]>;
  recipient: (chatId: string) => Recipient | Promise<Recipient>;
  /** Messages per second overall (Meta: 80 per number by default, inbound included). */
  perSecond: number;
  /** Least time between two proactive messages to one person, in ms (default 1 s; replies leave no pause). */
  perChatMs?: number;
  /** The approved template sent instead when the 24-hour window has closed. */
  template?: { name: string; lang: string };
  log?: Logger;
  /** Each message accepted by Meta, with its wamid (statuses arrive for it later) and the outbox delivery id. */
  onSent?: (wamid: string, chatId: string, deliveryId?: string) => undefined | Promise<unknown>;
  maxAttempts?: number;
  /** First backoff for throttling and server errors (doubled, jittered). */
  backoffMs?: number;
}

export interface CloudSender extends StoppableSender {
  /** Sends prepared bodies in order; replies use it too (`reply`), so every message shares the gate. */
  sendBodies(
    chatId: string,
    bodies: GraphBody[],
    how?: { deliveryId?: string; reply?: boolean },
  ): Promise<SendOutcome>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The Cloud API Sender: a rate gate under Meta's throughput, throttling codes pause (all
 * sends, or only that person's for 131056) and retry with backoff, 131047 sends the
 * configured template instead (the message itself is not delivered), other errors fail
 * permanently. Long messages go out in parts, in order; a failed part stops the rest.
 */
export function createCloudSender(options: CloudSenderOptions): CloudSender {
  const gate = new RateGate({ perSecond: options.perSecond, perChatMs: options.perChatMs ?? 1000 });
  const maxAttempts = options.maxAttempts ?? 6;
  const backoffMs = options.backoffMs ?? 1000;
  const inFlight = new Set<Promise<unknown>>();
  let stopped = false;

  async function sendBody(
    chatId: string,
    body: GraphBody,
    how: { deliveryId?: string; reply?: boolean },
  ): Promise<SendOutcome & { verdict?: GraphVerdict }> {
    let retry = false;
    for (let attempt = 1; ; attempt++) {
      let release: Release;
      try {
        release = await gate.acquire(chatId, retry, how.reply);
      } catch (err) {
        if (err instanceof GateClosedError) return { ok: false, permanent: false, reason: "stopped" };
        throw err;
      }
      const to = await options.recipient(chatId);
      const call = options.graph.send(to, body).finally(release);
      inFlight.add(call);
      try {
        const wamid = await call;
        if (wamid) await options.onSent?.(wamid, chatId, how.deliveryId);
        return { ok: true };
      } catch (err) {
        const verdict = classifyGraphError(err);
        if (verdict.kind === "permanent" || verdict.kind === "window") {
          return { ok: false, permanent: true, reason: verdict.reason, verdict };
        }
        if (attempt >= maxAttempts || stopped)
          return { ok: false, permanent: false, reason: verdict.reason, verdict };
        const delay = backoffMs * 2 ** (attempt - 1) * (0.75 + Math.random() * 0.5);
        options.log?.warn(
          { reason: verdict.reason, attempt, delayMs: Math.round(delay) },
          "whatsapp cloud send retry",
        );
        if (verdict.kind === "throttle" && verdict.scope === "all") gate.pause(delay);
        else await sleep(delay);
        retry = true;
      } finally {
        inFlight.delete(call);
      }
    }
  }

  async function sendBodies(
    chatId: string,
    bodies: GraphBody[],
    how: { deliveryId?: string; reply?: boolean } = {},
  ): Promise<SendOutcome> {
    if (stopped) return { ok: false, permanent: false, reason: "stopped" };
    for (const body of bodies) {
      const outcome = await sendBody(chatId, body, how);
      if (outcome.ok) continue;
      if (outcome.verdict?.kind === "window" && options.template) {
        const template = await sendBody(
          chatId,
          {
            type: "template",
            template: { name: options.template.name, language: { code: options.template.lang } },
          },
          how,
        );
        const note = template.ok ? "template sent" : `template failed: ${template.reason}`;
        return { ok: false, permanent: true, reason: `${WINDOW_CLOSED} window closed; ${note}` };
      }
      const retryAfterMs = outcome.verdict?.kind === "throttle" ? 60_000 : undefined;
      return {
        ok: false,
        permanent: outcome.permanent,
        reason: outcome.reason,
        ...(retryAfterMs ? { retryAfterMs } : {}),
      };
    }
    return { ok: true };
  }

  return {
    channel: "whatsapp",
    sendBodies,
    send: async (chatId, message, sendOptions) =>
      sendBodies(chatId, await options.render(message, chatId), { deliveryId: sendOptions?.deliveryId }),
    pending: () => gate.pending(),
    async stop() {
      stopped = true;
      gate.close();
      await Promise.allSettled([...inFlight]);
    },
  };
}
