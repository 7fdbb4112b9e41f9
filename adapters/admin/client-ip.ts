import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/** The client's address (the socket's; tests through app.request have none: "local"). */
export function clientIp(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "local";
  } catch {
    return "local";
  }
}
