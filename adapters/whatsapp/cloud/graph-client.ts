import type { GraphBody } from "./cloud-render";

/** A Graph API error: `code` and `details` are what Meta says to build logic on. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: number | undefined,
    readonly details: string,
  ) {
    super(`graph ${status}${code !== undefined ? ` code ${code}` : ""}: ${details}`.slice(0, 300));
    this.name = "GraphError";
  }
}

/** Who a message goes to: the phone when known (`to`), else the business-scoped user id. */
export type Recipient = { to: string } | { recipient: string };

export interface GraphClientOptions {
  apiRoot: string;
  version: string;
  phoneId: string;
  token: string;
  fetch?: typeof fetch;
}

/** The Graph API `/<PHONE_NUMBER_ID>/messages` endpoint, with fetch. */
export function createGraphClient(options: GraphClientOptions) {
  const url = `${options.apiRoot.replace(/\/+$/, "")}/${options.version}/${options.phoneId}/messages`;
  const doFetch = options.fetch ?? fetch;
  return {
    /** Sends one message; resolves with its wamid, or throws GraphError (or a network error). */
    async send(recipient: Recipient, body: GraphBody): Promise<string | undefined> {
      const res = await doFetch(url, {
        method: "POST",
        headers: { authorization: `Bearer ${options.token}`, "content-type": "application/json" },
        body: JSON.stringify({
          messaging_product: "whatsapp",
          recipient_type: "individual",
          ...recipient,
          ...body,
        }),
      });
      const text = await res.text();
      let json: {
        error?: { code?: unknown; message?: unknown; error_data?: { details?: unknown } };
        messages?: { id?: string }[];
      } = {};
      try {
        json = JSON.parse(text);
      } catch {
        // A proxy's HTML error page.
      }
      if (!res.ok || json.error) {
        const e = json.error ?? {};
        const details = String(e.error_data?.details ?? e.message ?? text.slice(0, 120));
        throw new GraphError(res.status, typeof e.code === "number" ? e.code : undefined, details);
      }
      return json.messages?.[0]?.id;
    },
  };
}

export type GraphClient = ReturnType<typeof createGraphClient>;
