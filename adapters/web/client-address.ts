import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/**
 * The address a web request came from, for the per-address flood limit. Behind a reverse
 * proxy (TRUST_PROXY=1) the first X-Forwarded-For entry; IPv6 addresses count per /64,
 * since one phone may rotate through a whole prefix.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  let address: string | undefined;
  if (trustProxy) address = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
  if (!address) {
    try {
      address = getConnInfo(c).remote.address;
    } catch {
      address = undefined; // app.request() in tests: no socket
    }
  }
  if (!address) return "unknown";
  if (address.startsWith("::ffff:")) return address.slice(7);
  if (address.includes(":")) return `${address.split(":").slice(0, 4).join(":")}::/64`;
  return address;
}
