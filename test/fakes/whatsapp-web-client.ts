import { EventEmitter } from "node:events";
import type { WebClient, WebMessage } from "../../adapters/whatsapp/web/web-client";

/** How a fake client behaves when initialised. */
export type FakeStart = "ready" | "qr" | "hang" | "fail";

export const BOT_ID = "6280000000001@c.us";

let counter = 0;

/**
 * A fake whatsapp-web.js client: an EventEmitter with initialize, sendMessage, getState,
 * destroy and getContactLidAndPhone. Tests emit qr, ready, message, disconnected and
 * auth_failure on it, and read what the adapter sent.
 */
export class FakeWebClient extends EventEmitter implements WebClient {
  sent: { chatId: string; text: string }[] = [];
  state: string | null = "CONNECTED";
  initialized = 0;
  destroyed = 0;
  lookups: string[] = [];
  memoryMb: number | undefined;
  sendError: Error | undefined;
  info = { wid: { _serialized: BOT_ID, user: "6280000000001" } };

  constructor(
    private readonly start: FakeStart,
    /** `lid → pn` pairs the fake's lookup knows. */
    private readonly pairs: Map<string, string>,
  ) {
    super();
  }

  async initialize(): Promise<void> {
    this.initialized++;
    if (this.start === "fail") throw new Error("Protocol error: Target closed");
    if (this.start === "hang") return;
    setImmediate(() => this.emit(this.start === "qr" ? "qr" : "ready", "2@fake-qr-payload"));
  }

  async sendMessage(chatId: string, text: string): Promise<unknown> {
    if (this.sendError) throw this.sendError;
    this.sent.push({ chatId, text });
    return {};
  }

  async getState(): Promise<string | null> {
    return this.state;
  }

  async destroy(): Promise<void> {
    this.destroyed++;
  }

  async getContactLidAndPhone(ids: string[]): Promise<{ lid: string; pn: string }[]> {
    this.lookups.push(...ids);
    return ids.map((id) => {
      for (const [lid, pn] of this.pairs) if (id === lid || id === pn) return { lid, pn };
      return { lid: "", pn: "" };
    });
  }

  browserMemoryMb(): number | undefined {
    return this.memoryMb;
  }

  /** Emits an incoming message as whatsapp-web.js would; returns it. */
  deliver(from: string, body: string, extra: Partial<WebMessage> = {}): WebMessage {
    const message: WebMessage = {
      from,
      to: BOT_ID,
      body,
      type: "chat",
      fromMe: false,
      timestamp: Math.floor(Date.now() / 1000),
      id: { _serialized: `false_${from}_3EB0${(++counter).toString(16).padStart(16, "0")}` },
      ...extra,
    };
    this.emit("message", message);
    return message;
  }
}

/** A factory that makes fake clients, each starting as the next entry of `starts` (then the last). */
export function fakeFactory(starts: FakeStart[] = ["ready"], pairs = new Map<string, string>()) {
  const clients: FakeWebClient[] = [];
  return {
    clients,
    last: () => clients[clients.length - 1]!,
    factory: () => {
      const client = new FakeWebClient(starts[Math.min(clients.length, starts.length - 1)]!, pairs);
      clients.push(client);
      return client;
    },
  };
}
