import type { Hono } from "hono";
import { createWebApp } from "../../adapters/web/app";
import { signBody } from "../../adapters/whatsapp/cloud/signature";
import {
  type StartWhatsAppCloudOptions,
  startWhatsAppCloud,
  type WhatsAppCloudHandle,
} from "../../adapters/whatsapp/cloud/start-whatsapp-cloud";
import { loadConfig } from "../../bot/config";
import { createLogger } from "../../bot/logger";
import { type FakeGraph, startFakeGraph } from "../fakes/graph-api";
import { makeBot, type TestBot } from "../helpers/make-bot";
import { until } from "./web-harness";

export const APP_SECRET = "test-app-secret";
export const VERIFY_TOKEN = "test-verify-token";
export const PHONE_ID = "106540352242922";

let seq = 0;

/** A Cloud API webhook payload around `messages` (and their contacts) or `statuses`. */
export function envelope(value: Record<string, unknown>) {
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: "WABA_ID",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "15550783881", phone_number_id: PHONE_ID },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

/** One incoming message from a person with this phone (and BSUID unless `userId: null`). */
export function incoming(
  phone: string | null,
  message: Record<string, unknown>,
  options: { userId?: string | null; id?: string } = {},
) {
  const userId = options.userId === undefined ? `ID.${phone}00` : options.userId;
  const contact = {
    profile: { name: "Sample" },
    ...(phone ? { wa_id: phone } : {}),
    ...(userId ? { user_id: userId } : {}),
  };
  return envelope({
    contacts: [contact],
    messages: [
      {
        ...(phone ? { from: phone } : {}),
        ...(userId ? { from_user_id: userId } : {}),
        id: options.id ?? `wamid.IN${(++seq).toString().padStart(10, "0")}`,
        timestamp: String(Math.floor(Date.now() / 1000)),
        ...message,
      },
    ],
  });
}

export const textOf = (body: string) => ({ type: "text", text: { body } });

export interface CloudHarness {
  test: TestBot;
  app: Hono;
  graph: FakeGraph;
  wa: WhatsAppCloudHandle;
  /** Posts a payload signed over the exact bytes sent (or as given). */
  post(payload: unknown, options?: { raw?: string; signature?: string | null }): Promise<Response>;
  handled(count: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startCloudHarness(
  options: { env?: Record<string, string>; extra?: Partial<StartWhatsAppCloudOptions> } = {},
): Promise<CloudHarness> {
  const graph = await startFakeGraph();
  const config = loadConfig({
    RATE_LIMIT_PER_MINUTE: "1000",
    WHATSAPP_MODE: "cloud",
    WHATSAPP_CLOUD_TOKEN: graph.token,
    WHATSAPP_CLOUD_PHONE_ID: PHONE_ID,
    WHATSAPP_CLOUD_APP_SECRET: APP_SECRET,
    WHATSAPP_CLOUD_VERIFY_TOKEN: VERIFY_TOKEN,
    WHATSAPP_CLOUD_API_ROOT: graph.apiRoot,
    ...options.env,
  });
  const test = makeBot({ config });
  const app = createWebApp(test.bot);
  let count = 0;
  const wa = await startWhatsAppCloud({
    bot: test.bot,
    app,
    config,
    log: createLogger("silent"),
    onHandled: () => {
      count++;
    },
    sender: { backoffMs: 5 },
    ...options.extra,
  });
  return {
    test,
    app,
    graph,
    wa,
    async post(payload, o = {}) {
      const raw = o.raw ?? JSON.stringify(payload);
      const headers: Record<string, string> = { "content-type": "application/json" };
      const signature = o.signature === undefined ? signBody(raw, APP_SECRET) : o.signature;
      if (signature !== null) headers["x-hub-signature-256"] = signature;
      return app.request("/webhooks/whatsapp", { method: "POST", headers, body: raw });
    },
    handled: (n) => until(() => count >= n, `${n} handled messages`),
    async stop() {
      await wa.stop();
      await graph.close();
    },
  };
}
