/**
 * The slice of whatsapp-web.js's `Client` the adapter uses, so tests inject a fake (an
 * EventEmitter) and only the real factory imports the library.
 */
export interface WebMessage {
  from: string;
  to?: string;
  /** The sender inside a group. */
  author?: string;
  body: string;
  type: string;
  hasMedia?: boolean;
  fromMe: boolean;
  isStatus?: boolean;
  /** Seconds since the epoch (WhatsApp sends seconds). */
  timestamp: number;
  id: { _serialized: string };
  location?: { latitude: number | string; longitude: number | string; description?: string };
  mentionedIds?: string[];
}

export interface WebClient {
  on(event: "qr" | "code", listener: (code: string) => void): unknown;
  on(event: "ready" | "authenticated", listener: () => void): unknown;
  on(event: "message", listener: (message: WebMessage) => void): unknown;
  on(event: "disconnected" | "auth_failure" | "change_state", listener: (reason: string) => void): unknown;
  removeAllListeners(): unknown;
  initialize(): Promise<void>;
  sendMessage(chatId: string, text: string): Promise<unknown>;
  getState(): Promise<string | null>;
  destroy(): Promise<void>;
  /** Who the bot is, once ready: `wid._serialized` is its own `…@c.us` id. */
  info?: { wid?: { _serialized?: string; user?: string } } | null;
  /** The other form of each id (`@lid` ↔ `@c.us`). Calling it often raises the ban risk. */
  getContactLidAndPhone?(ids: string[]): Promise<{ lid: string; pn: string }[]>;
  /** Resident memory of the browser, in MB, when known. */
  browserMemoryMb?(): number | undefined;
}

/** Makes a new client; the supervisor makes a new one after each disconnect. */
export type WebClientFactory = () => WebClient;
