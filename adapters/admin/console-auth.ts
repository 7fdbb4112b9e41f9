import { randomBytes } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getSignedCookie, setSignedCookie } from "hono/cookie";
import type { ConsoleSession } from "../../bot/officers/console-session";
import type { Services } from "../../bot/services";

export type { ConsoleSession } from "../../bot/officers/console-session";

export const SESSIONS = "officer-sessions";
const IDLE_MS = 8 * 3_600_000;
const MAX_MS = 12 * 3_600_000;
/** `__Secure-sid`: sent over HTTPS, and by browsers over http://localhost too. */
const COOKIE = "sid";

/** Failed logins allowed per IP and per account in 15 minutes; the next one gets 429. */
export const LOGIN_LIMIT = 5;
const WINDOW_MS = 15 * 60_000;

/** The signing secret, made once per data folder and kept in the store. */
function secretOf(services: Services): Promise<string> {
  return services.repos.officers.secret("cookie", () => randomBytes(32).toString("hex"));
}

export function createConsoleAuth(services: Services) {
  const sessions = services.repos.officers;
  const failures = new Map<string, number[]>();
  const now = () => services.clock().getTime();

  const recent = (key: string) => (failures.get(key) ?? []).filter((t) => t > now() - WINDOW_MS);

  return {
    /** True when this IP or this account has used up its failed logins. */
    limited(ip: string, name: string): boolean {
      return recent(`ip:${ip}`).length >= LOGIN_LIMIT || recent(`name:${name}`).length >= LOGIN_LIMIT;
    },
    failed(ip: string, name: string): void {
      for (const key of [`ip:${ip}`, `name:${name}`]) failures.set(key, [...recent(key), now()]);
    },
    async start(c: Context, officer: string, ip: string): Promise<void> {
      const at = services.clock().toISOString();
      const id = randomBytes(32).toString("hex");
      await sessions.putSession({ id, officer, createdAt: at, lastSeenAt: at, ip });
      await services.repos.flush();
      await setSignedCookie(c, COOKIE, id, await secretOf(services), {
        httpOnly: true,
        secure: true,
        sameSite: "Strict",
        path: "/admin",
        maxAge: MAX_MS / 1000,
        prefix: "secure",
      });
    },
    async end(c: Context): Promise<void> {
      const id = await getSignedCookie(c, await secretOf(services), COOKIE, "secure");
      if (id) await sessions.deleteSession(id);
      await services.repos.flush();
      deleteCookie(c, `__Secure-${COOKIE}`, { path: "/admin", secure: true });
    },
    /** The session of this request: a valid signature, known, not idle or too old. */
    async current(c: Context): Promise<ConsoleSession | undefined> {
      const id = await getSignedCookie(c, await secretOf(services), COOKIE, "secure");
      if (!id) return undefined;
      const s = await sessions.session(id);
      if (!s) return undefined;
      const t = now();
      const account = await services.officers.get(s.officer);
      if (
        !account ||
        account.disabled ||
        t - Date.parse(s.lastSeenAt) > IDLE_MS ||
        t - Date.parse(s.createdAt) > MAX_MS
      ) {
        await sessions.deleteSession(id);
        return undefined;
      }
      if (t - Date.parse(s.lastSeenAt) > 60_000)
        await sessions.putSession({ ...s, lastSeenAt: new Date(t).toISOString() });
      return s;
    },
  };
}

export type ConsoleAuth = ReturnType<typeof createConsoleAuth>;

/** Pages behind a session: without one (or with a tampered cookie) the officer is sent to log in. */
export function requireSession(
  auth: ConsoleAuth,
): MiddlewareHandler<{ Variables: { session: ConsoleSession } }> {
  return async (c, next) => {
    const s = await auth.current(c);
    if (!s) {
      if (c.req.header("accept")?.includes("text/event-stream")) return c.text("unauthorized", 401);
      return c.redirect("/admin/login", 303);
    }
    c.set("session", s);
    await next();
  };
}
