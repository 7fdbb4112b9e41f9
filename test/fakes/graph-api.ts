import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One message the fake Graph API accepted. */
export interface GraphCall {
  phoneId: string;
  version: string;
  body: Record<string, unknown> & { to?: string; recipient?: string; type: string };
  wamid: string;
  /** When it arrived (performance.now()). */
  at: number;
}

export interface FakeGraph {
  apiRoot: string;
  token: string;
  /** Accepted messages, in order. */
  sent: GraphCall[];
  /** Every request, accepted or refused. */
  requests: number;
  /** Throttling answers given (130429) because the rate limit was exceeded. */
  rateLimited: number;
  /** Answer the next `count` calls with this error instead. */
  failNext(count: number, error: { status: number; code: number; details?: string }): void;
  /** Refuse calls for one recipient with this error until cleared. */
  failFor(to: string, error: { status: number; code: number; details?: string } | undefined): void;
  /** Enforce at most `perSecond` calls in any one-second window (130429 beyond it). */
  limit(perSecond: number | undefined): void;
  to(recipient: string): GraphCall[];
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** A fake Graph API `/<version>/<phone id>/messages` on 127.0.0.1 (port 0). */
export async function startFakeGraph(token = "test-cloud-token"): Promise<FakeGraph> {
  const sent: GraphCall[] = [];
  const queued: { status: number; code: number; details?: string }[] = [];
  const perRecipient = new Map<string, { status: number; code: number; details?: string }>();
  const window: number[] = [];
  let perSecond: number | undefined;
  let counter = 0;
  const state = { requests: 0, rateLimited: 0 };

  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    state.requests++;
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const error = (status: number, code: number, details = "fake") =>
      reply(status, {
        error: {
          message: details,
          type: "OAuthException",
          code,
          error_data: { messaging_product: "whatsapp", details },
          fbtrace_id: "x",
        },
      });
    const m = /^\/(v\d+\.\d+)\/([^/]+)\/messages$/.exec(req.url ?? "");
    if (req.method !== "POST" || !m) return error(404, 100, "unknown path");
    if (req.headers.authorization !== `Bearer ${token}`) return error(401, 190, "invalid token");
    let body: GraphCall["body"];
    try {
      body = JSON.parse(raw);
    } catch {
      return error(400, 100, "bad json");
    }
    const now = performance.now();
    while (window.length && window[0]! <= now - 1000) window.shift();
    if (perSecond !== undefined && window.length >= perSecond) {
      state.rateLimited++;
      return error(400, 130429, "Rate limit hit");
    }
    window.push(now);
    const forced = queued.shift() ?? perRecipient.get(body.to ?? body.recipient ?? "");
    if (forced) return error(forced.status, forced.code, forced.details);
    if (body.messaging_product !== "whatsapp" || typeof body.type !== "string")
      return error(400, 100, "bad message");
    const wamid = `wamid.FAKE${(++counter).toString().padStart(8, "0")}`;
    sent.push({ version: m[1]!, phoneId: m[2]!, body, wamid, at: now });
    reply(200, {
      messaging_product: "whatsapp",
      contacts: [{ input: body.to ?? body.recipient, wa_id: body.to }],
      messages: [{ id: wamid }],
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    sent,
    get requests() {
      return state.requests;
    },
    get rateLimited() {
      return state.rateLimited;
    },
    failNext(count, err) {
      for (let i = 0; i < count; i++) queued.push(err);
    },
    failFor(to, err) {
      if (err) perRecipient.set(to, err);
      else perRecipient.delete(to);
    },
    limit(n) {
      perSecond = n;
    },
    to: (recipient) => sent.filter((c) => c.body.to === recipient || c.body.recipient === recipient),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
